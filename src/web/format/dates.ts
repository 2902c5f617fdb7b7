import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

/** "2022-03-02T08:15:00Z" → "2022-03-02 16:15" in the reader's time zone (with seconds when asked); anything else as given. */
export function formatDateTime(iso: string | null | undefined, lang: 'zh' | 'en', { seconds = false }: { seconds?: boolean } = {}): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hour12: false }).format(d);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * The instant the reader's calendar day `YYYY-MM-DD` begins (`days` later), as an ISO time: the
 * server keeps instants, the reader picks days in their own time zone. Null for what is not a day.
 */
export function dayStart(day: string, days = 0): string | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

dayjs.extend(customParseFormat);
/** How a date may be typed: 2099-06-30, 2099-6-30, 2099/6/30, 2099.6.30, 20990630. */
export const TYPED_DATE_FORMATS = ['YYYY-MM-DD', 'YYYY-M-D', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD'];

/** The day `text` says in one of TYPED_DATE_FORMATS, as YYYY-MM-DD, or null (blanks around ignored; no day is made up). */
export function readTypedDate(text: string): string | null {
  const trimmed = text.trim();
  for (const format of TYPED_DATE_FORMATS) {
    const date = dayjs(trimmed, format, true);
    if (date.isValid()) return date.format('YYYY-MM-DD');
  }
  return null;
}
