/**
 * The dashboard table as a file: CSV (with a BOM for Excel) and an XLSX sheet with numbers as numbers.
 * Words in the file's language: the status, the template by its name, the grade as the template
 * names it in that language (forms store the Chinese word).
 */
import { format, type Lang } from '../../core/locale/messages.ts';
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import { csvFile } from '../../export/csv-file.ts';
import type { Summary } from './evaluation-views.ts';

const COLUMNS = ['year', 'unit', 'project', 'template', 'status', 'version', 'score', 'grade', 'executionRate', 'budget', 'updatedAt'] as const;

/** The template's name and the grade's word in `lang`; as stored when the template is unknown. */
function words(row: Summary, lang: Lang, templates: TemplateRegistry | undefined): { template: string; grade: string } {
  const template = templates?.get(row.template);
  if (!template) return { template: row.template, grade: row.grade };
  return { template: template.name[lang], grade: template.grades.find((g) => g.label.zh === row.grade)?.label[lang] ?? row.grade };
}

function cells(row: Summary, lang: Lang, templates?: TemplateRegistry): Array<string | number | null> {
  const named = words(row, lang, templates);
  return [
    row.year,
    row.unit.name,
    row.project,
    named.template,
    format(`status.${row.status}`, {}, lang),
    row.version,
    row.score,
    named.grade,
    row.executionRate === null ? null : Number(row.executionRate),
    row.budget === null ? null : Number(row.budget),
    row.updatedAt,
  ];
}

const header = (lang: Lang) => COLUMNS.map((c) => format(`dashboard.${c}`, {}, lang));

export function dashboardCsv(rows: readonly Summary[], lang: Lang, templates?: TemplateRegistry): string {
  // CSV keeps the decimal strings as they are (no float formatting).
  const text = rows.map((r) => cells(r, lang, templates).map((v, i) => (COLUMNS[i] === 'executionRate' ? r.executionRate : COLUMNS[i] === 'budget' ? r.budget : v) ?? ''));
  return csvFile([header(lang), ...text]);
}

export async function dashboardXlsx(rows: readonly Summary[], lang: Lang, templates?: TemplateRegistry): Promise<Buffer> {
  // exceljs is loaded at the first workbook asked for: `jixiao serve` does not carry it until then (issue 18, RSS).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(format('dashboard.sheet', {}, lang));
  sheet.addRow(header(lang)).font = { bold: true };
  for (const row of rows) sheet.addRow(cells(row, lang, templates));
  sheet.getColumn(COLUMNS.indexOf('budget') + 1).numFmt = '#,##0.00';
  sheet.getColumn(COLUMNS.indexOf('executionRate') + 1).numFmt = '0.00';
  sheet.columns.forEach((column, i) => { column.width = i === 2 ? 30 : i === 1 ? 28 : 14; });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
