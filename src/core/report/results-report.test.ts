import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gapSummary } from '../recheck/gap-report.ts';
import { yearProgress, type ProgressUnit } from '../year/progress.ts';
import { reportTables } from './report-tables.ts';
import { percentOf, resultsReport, sumAmounts, type ReportInput } from './results-report.ts';

const unit = (id: string, code: string, name: string, path: string): ProgressUnit => ({ id, code, name, path });
const dept = unit('d', '100', '教育局', '/d/');
const school = unit('s', '101', '第一中学', '/d/s/');
const other = unit('o', '200', '卫健委', '/o/');
const units = new Map([dept, school, other].map((u) => [u.id, u]));

function input(over: Partial<ReportInput> = {}): ReportInput {
  const progress = yearProgress(2025, '2026-03-31', '2026-05-01', units, [
    { unitId: 's', status: 'draft', untouched: true, count: 2 },
    { unitId: 's', status: 'submitted', untouched: false, count: 1 },
    { unitId: 's', status: 'approved', untouched: false, count: 3 },
    { unitId: 'd', status: 'published', untouched: false, count: 1 },
    { unitId: 'o', status: 'returned', untouched: false, count: 2 },
    { unitId: 'o', status: 'forwarded', untouched: false, count: 1 },
  ]);
  return {
    year: 2025, today: '2026-05-01', progress,
    grades: [{ grade: '差', count: 1, budget: '10.00' }, { grade: '优秀', count: 1, budget: '0.01' }, { grade: '优', count: 2, budget: '100.10' }],
    money: { forms: 4, budget: '110.11', executed: '33.37' },
    lowest: [], highScoreLowExecution: { total: 0, rows: [] },
    recheck: { draw: null, draws: 0, overall: gapSummary([]), units: [] },
    rectification: [
      { unit: school, raised: 3, open: 1, answered: 1, closed: 1, overdue: 1 },
      { unit: dept, raised: 1, open: 1, answered: 0, closed: 0, overdue: 0 },
      { unit: other, raised: 2, open: 2, answered: 0, closed: 0, overdue: 2 },
    ],
    units,
    applications: [{ category: 'stop', count: 1, budget: '10.00' }, { category: 'keep', count: 2, budget: '100.10' }],
    ...over,
  };
}

test('percentages are exact, half-up to 2 decimals; none of nothing', () => {
  assert.equal(percentOf(2, 3), '66.67');
  assert.equal(percentOf(1, 3), '33.33');
  assert.equal(percentOf(1, 8), '12.50');
  assert.equal(percentOf(1, 0), null);
  assert.equal(sumAmounts(['0.10', '0.20', '100000000000000.01']), '100000000000000.31');
});

test('coverage from the progress counts: due, submitted (sent, not returned), approved, published, by department', () => {
  const report = resultsReport(input(), ['优', '良', '中', '差', '优秀']);
  assert.deepEqual(report.coverage.totals, {
    unit: { code: '', name: '' }, due: 10, submitted: 6, approved: 4, published: 1, submittedRate: '60.00', approvedRate: '40.00', publishedRate: '10.00',
  });
  assert.deepEqual(report.coverage.departments.map((d) => [d.unit.name, d.due, d.submitted, d.approved, d.published]), [['教育局', 7, 5, 4, 1], ['卫健委', 3, 1, 0, 0]]);
});

test('grades in the templates\' order with shares; money rate; rectification by department; every category', () => {
  const report = resultsReport(input(), ['优', '良', '中', '差', '优秀']);
  assert.deepEqual(report.grades.map((g) => [g.grade, g.count, g.share]), [['优', 2, '50.00'], ['差', 1, '25.00'], ['优秀', 1, '25.00']]);
  assert.equal(report.money.rate, '30.31');
  assert.deepEqual(report.rectification.totals, { raised: 6, open: 4, answered: 1, closed: 1, overdue: 3 });
  assert.deepEqual(report.rectification.departments.map((d) => [d.unit.name, d.raised, d.overdue]), [['教育局', 4, 1], ['卫健委', 2, 2]]);
  assert.deepEqual(report.applications.map((a) => [a.category, a.count, a.share]), [['keep', 2, '66.67'], ['increase', 0, '0.00'], ['reduce', 0, '0.00'], ['stop', 1, '33.33'], ['rectify-first', 0, '0.00'], ['other', 0, '0.00']]);
});

test('the tables in zh and en: the same figures, the words from the locale files', () => {
  const report = resultsReport(input(), ['优', '良', '中', '差', '优秀']);
  const zh = reportTables(report, 'zh', (g) => g);
  const en = reportTables(report, 'en', (g) => ({ 优: 'Excellent', 差: 'Poor', 优秀: 'Excellent' })[g] ?? g);
  assert.deepEqual(zh.map((t) => t.key), ['summary', 'coverage', 'grades', 'lowest', 'highScoreLowExecution', 'recheck', 'rectification', 'applications']);
  assert.equal(zh[0]!.title, '一、总体情况');
  assert.equal(en[0]!.title, '1. Overview');
  for (const [i, t] of zh.entries()) {
    assert.deepEqual(t.rows.map((r) => r.filter((c) => typeof c !== 'string' || /^[\d.—-]+$/u.test(c))), en[i]!.rows.map((r) => r.filter((c) => typeof c !== 'string' || /^[\d.—-]+$/u.test(c))), t.key);
  }
  assert.deepEqual(zh.find((t) => t.key === 'grades')!.rows.at(-1), ['合计', 4, '100.00', '110.11']);
  assert.deepEqual(zh.find((t) => t.key === 'applications')!.rows.at(-1), ['合计', 3, '100.00', '110.10']);
  assert.equal(zh.find((t) => t.key === 'recheck')!.note, '本年度尚未抽查复核。');
});
