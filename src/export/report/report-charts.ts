/**
 * The report's charts as ECharts options: coverage, grades, rectification items, results applied.
 * Words from the locale files; the figures are the report's own (the same as its tables).
 */
import { format, type Lang } from '../../core/locale/messages.ts';
import type { GradeWord } from '../../core/report/report-tables.ts';
import type { ResultsReport } from '../../core/report/results-report.ts';

const COLOURS = ['#3b6fb6', '#5b9bd5', '#70ad47', '#ffc000', '#ed7d31', '#a5a5a5'];
const TEXT = { fontSize: 10, color: '#222' };

function bars(title: string, names: string[], values: number[], colour: string, empty: string) {
  return {
    color: [colour],
    title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 13, fontWeight: 'normal', color: '#000' } },
    grid: { left: 44, right: 12, top: 44, bottom: 36 },
    xAxis: { type: 'category', data: names, axisLabel: { ...TEXT, fontSize: names.length > 5 ? 8 : 10, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: TEXT },
    series: [{ type: 'bar', data: values, barMaxWidth: 36, label: { show: true, position: 'top', ...TEXT } }],
    ...(values.every((v) => v === 0) ? { graphic: [{ type: 'text', left: 'center', top: 'middle', style: { text: empty, fontSize: 11, fill: '#888' } }] } : {}),
  };
}

function pie(title: string, items: Array<{ name: string; value: number }>, empty: string) {
  const shown = items.filter((i) => i.value > 0);
  return {
    color: COLOURS,
    title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 13, fontWeight: 'normal', color: '#000' } },
    // The names in the legend below (whole, wrapped into rows), the counts on the slices (not on the thinnest, where they would overlap;
    // the table has every count): labels beside a pie overflow a narrow chart.
    legend: { bottom: 6, left: 'center', itemWidth: 10, itemHeight: 10, textStyle: TEXT, data: shown.map((i) => i.name) },
    series: shown.length === 0 ? [] : [{ type: 'pie', radius: ['0%', '48%'], center: ['50%', '48%'], data: shown, label: { position: 'inside', formatter: (p: { percent: number; value: number }) => (p.percent < 6 ? '' : String(p.value)), fontSize: 10, color: '#fff' }, labelLine: { show: false } }],
    ...(shown.length === 0 ? { graphic: [{ type: 'text', left: 'center', top: 'middle', style: { text: empty, fontSize: 11, fill: '#888' } }] } : {}),
  };
}

export interface ReportChart {
  key: 'coverage' | 'grades' | 'rectification' | 'applications';
  option: Record<string, unknown>;
}

export function reportCharts(report: ResultsReport, lang: Lang, gradeWord: GradeWord): ReportChart[] {
  const t = (key: string, params = {}) => format(`resultsReport.${key}`, params, lang);
  const empty = t('chart.empty');
  const c = report.coverage.totals;
  const r = report.rectification.totals;
  return [
    { key: 'coverage', option: bars(t('chart.coverage'), ['due', 'submitted', 'approved', 'published'].map((k) => t(`col.${k}`)), [c.due, c.submitted, c.approved, c.published], COLOURS[0]!, empty) },
    { key: 'grades', option: bars(t('chart.grades'), report.grades.map((g) => gradeWord(g.grade)), report.grades.map((g) => g.count), COLOURS[2]!, empty) },
    { key: 'rectification', option: bars(t('chart.rectification'), ['raised', 'open', 'answered', 'closed', 'overdue'].map((k) => t(`col.${k}`)), [r.raised, r.open, r.answered, r.closed, r.overdue], COLOURS[4]!, empty) },
    { key: 'applications', option: pie(t('chart.applications'), report.applications.map((a) => ({ name: t(`category.${a.category}`), value: a.count })), empty) },
  ];
}
