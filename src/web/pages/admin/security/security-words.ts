/**
 * A security event in words: its action, and its detail — why a login failed, the role or unit
 * before and after, what was downloaded and of what (with a link where the thing has a page).
 */
import { ROLES, type Role, type SecurityAction, type SecurityEvent } from '../../../api/types.ts';
import type { I18n } from '../../../locale/i18n.tsx';
import type { MessageKey } from '../../../locale/zh.ts';

type Translate = I18n['t'];

export interface DetailPart {
  text: string;
  /** A page of the app the part is about. */
  to?: string;
}

export const actionKey = (action: SecurityAction): MessageKey => `security.action.${action}`;

const REASONS = ['wrongPassword', 'unknownUser', 'disabled', 'wrongCurrentPassword'] as const;
const DOWNLOADS = ['evaluation.pdf', 'evaluation.xlsx', 'dashboard.csv', 'dashboard.xlsx', 'recheck.xlsx', 'progress.xlsx', 'results-report.pdf', 'results-report.xlsx', 'evidence'] as const;

const known = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

function roleWord(value: unknown, t: Translate): string {
  return known<Role>(ROLES, value) ? t(`role.${value}`) : text(value) ?? '—';
}

export function securityDetail(event: SecurityEvent, t: Translate): DetailPart[] {
  const d = event.detail;
  switch (event.action) {
    case 'login.failed':
      return [{ text: known(REASONS, d['reason']) ? t(`security.reason.${d['reason']}`) : text(d['reason']) ?? '' }].filter((p) => p.text);
    case 'user.roleChanged':
      return [{ text: t('security.roleChange', { from: roleWord(d['from'], t), to: roleWord(d['to'], t) }) }];
    case 'user.unitChanged':
      // Units by code; none is the finance bureau's own (reviewers, admins).
      return [{ text: t('security.unitChange', { from: text(d['from']) ?? t('users.bureau'), to: text(d['to']) ?? t('users.bureau') }) }];
    case 'user.created': {
      // The unit by its code (none: the finance bureau's own roles).
      const unit = text(d['unit']);
      return [
        ...(d['role'] === undefined ? [] : [{ text: t('security.createdAs', { role: roleWord(d['role'], t) }) }]),
        ...(unit ? [{ text: t('security.inUnit', { unit }) }] : []),
      ];
    }
    case 'download':
      return downloadParts(d, t);
    default:
      return [];
  }
}

function downloadParts(d: Record<string, unknown>, t: Translate): DetailPart[] {
  const parts: DetailPart[] = [{ text: known(DOWNLOADS, d['what']) ? t(`security.download.${d['what']}`) : text(d['what']) ?? t('security.download.other') }];
  const evaluation = text(d['evaluationId']);
  if (evaluation) parts.push({ text: t('security.ofEvaluation'), to: `/evaluations/${encodeURIComponent(evaluation)}` });
  const year = text(d['year']);
  if (year) parts.push({ text: t('security.ofYear', { year }) });
  const draw = text(d['drawId']);
  if (draw) parts.push({ text: t('security.ofDraw'), to: `/rechecks/${encodeURIComponent(draw)}` });
  if (typeof d['rows'] === 'number') parts.push({ text: t('security.rows', { rows: d['rows'] }) });
  return parts;
}
