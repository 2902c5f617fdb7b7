/**
 * The year's results report as an A4 PDF: a title page with the overview, a page of charts
 * (ECharts' server-side SVG, drawn by svg-to-pdfkit in the embedded font: chart-font.ts), then the
 * tables, each under its heading, with page breaks and the heading and column titles repeated on
 * every page a table continues on — laid out and drawn by the forms' own machinery (src/export/pdf:
 * the same embedded CJK font, wrapping, pagination; never a browser).
 */
import { format, type Lang } from '../../core/locale/messages.ts';
import { reportTables, reportTitle, type GradeWord, type ReportCell, type ReportTable } from '../../core/report/report-tables.ts';
import type { ResultsReport } from '../../core/report/results-report.ts';
import type { EmbeddedFormFont } from '../pdf/embedded-font.ts';
import { columnEdges, type FormLayout, type Row, type TableSection } from '../pdf/form-table.ts';
import { FONT_SIZE, MARGIN, TABLE_WIDTH } from '../pdf/page-layout.ts';
import { renderLayoutsPdf } from '../pdf/render-evaluations-pdf.ts';
import { chartSvg, drawSvg } from './chart-font.ts';
import { reportCharts } from './report-charts.ts';

/** A cell's text: counts and decimals as they are, nothing as a dash. */
export const cellText = (value: ReportCell): string => (value === null ? '—' : String(value));

/** A table as a section: its heading and column titles (repeated on each page), its rows, its note under them, a space after. */
function tableSection(table: ReportTable): TableSection {
  const edges = columnEdges(table.columns.map((c) => c.weight), TABLE_WIDTH);
  const whole = (text: string, source: string): Row => ({ cells: [{ x0: 0, x1: TABLE_WIDTH, text, align: 'left', source }] });
  const header: Row[] = [
    whole(table.title, `${table.key}.title`),
    { cells: table.columns.map((c, i) => ({ x0: edges[i]!, x1: edges[i + 1]!, text: c.label, align: 'center' as const, source: `${table.key}.columns[${i}]` })) },
  ];
  const rows: Row[] = table.rows.map((row, r) => ({
    cells: row.map((value, i) => ({
      x0: edges[i]!, x1: edges[i + 1]!, text: cellText(value), align: table.columns[i]!.kind === 'text' ? ('left' as const) : ('right' as const), source: `${table.key}.rows[${r}][${i}]`,
    })),
  }));
  if (table.note) rows.push({ ...whole(table.note, `${table.key}.note`), splittable: true });
  // An empty row: no cell, no border, the space between two tables.
  rows.push({ cells: [] });
  return { header, rows };
}

const CHART = { width: (TABLE_WIDTH - 12) / 2, height: 300, gap: 12, top: MARGIN.top + 28 } as const;

/** The page of charts: a heading and four charts, two by two. */
function chartPage(report: ResultsReport, lang: Lang, gradeWord: GradeWord) {
  const charts = reportCharts(report, lang, gradeWord);
  const heading = `<svg xmlns="http://www.w3.org/2000/svg" width="${TABLE_WIDTH}" height="24"><text x="0" y="16" font-size="${FONT_SIZE.subtitle + 2}">${escapeXml(format('resultsReport.chartsTitle', { year: report.year }, lang))}</text></svg>`;
  const svgs = charts.map((c) => chartSvg(c.option, CHART.width, CHART.height));
  return (doc: PDFKit.PDFDocument, font: EmbeddedFormFont) => {
    drawSvg(doc, font, heading, MARGIN.left, MARGIN.top, TABLE_WIDTH, 24);
    svgs.forEach((svg, i) => {
      const x = MARGIN.left + (i % 2) * (CHART.width + CHART.gap);
      const y = CHART.top + Math.floor(i / 2) * (CHART.height + CHART.gap);
      doc.save().lineWidth(0.6).strokeColor('#999999').rect(x, y, CHART.width, CHART.height).stroke().restore();
      drawSvg(doc, font, svg, x, y, CHART.width, CHART.height);
    });
  };
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

export function reportLayouts(report: ResultsReport, lang: Lang, gradeWord: GradeWord): FormLayout[] {
  const title = reportTitle(report.year, lang);
  const [summary, ...rest] = reportTables(report, lang, gradeWord);
  const front: FormLayout = {
    name: title,
    title: [
      { lines: [{ text: title, source: 'title' }], size: FONT_SIZE.title + 2, align: 'center', bold: true },
      { lines: [{ text: format('resultsReport.subtitle', { today: report.today }, lang), source: 'subtitle' }], size: FONT_SIZE.subtitle, align: 'center' },
    ],
    sections: [tableSection(summary!)],
  };
  const tables: FormLayout = { name: format('resultsReport.tablesTitle', {}, lang), title: [], sections: rest.map(tableSection) };
  return [front, tables];
}

export function renderReportPdf(report: ResultsReport, lang: Lang, gradeWord: GradeWord): Promise<Uint8Array> {
  const layouts = reportLayouts(report, lang, gradeWord);
  return renderLayoutsPdf(layouts, lang, { title: reportTitle(report.year, lang), after: new Map([[0, [chartPage(report, lang, gradeWord)]]]) });
}

