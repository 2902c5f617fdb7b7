/**
 * The year's results report (issue 17) on SQLite and PostgreSQL: on the demo year with more forms in
 * every status, a re-check with its scores, and rectification items and results applications written
 * straight to the database (their routes are another branch's), the PDF and the XLSX are downloaded and
 * read back, and every figure in them — counts, sums, rates, the listed projects — is the figure computed
 * here independently from the API (the year's progress, the evaluation list and forms, the re-check's
 * report) and from the inserted rows. The PDF's text comes back from pdftotext (no radicals, nothing
 * in another font); the charts' words too.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import { pdffonts, popplerPages, RADICALS, squeeze } from '../../src/export/pdf/pdf-readback.testing.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi, type Client } from './support/api-harness.ts';

const YEAR = 2021;

/** 元 text of whole fen. */
const yuan = (fen: bigint) => `${fen < 0n ? '-' : ''}${(fen < 0n ? -fen : fen) / 100n}.${String((fen < 0n ? -fen : fen) % 100n).padStart(2, '0')}`;
const fenOf = (text: string) => {
  const [whole, cents = ''] = text.split('.');
  return BigInt(whole!) * 100n + BigInt((cents + '00').slice(0, 2));
};
/** part × 100 ÷ whole, half-up, 2 decimals; null for a zero whole. */
const percent = (part: bigint, whole: bigint): string | null => {
  if (whole === 0n) return null;
  const n = part * 10000n;
  const q = n / whole + ((n % whole) * 2n >= whole ? 1n : 0n);
  return yuan(q);
};
const dash = (v: string | number | null) => (v === null ? '—' : String(v));

/** The forms added to the demo year: unit, status, budget (fen) and share spent (%). */
const ADDED: Array<{ unit: 'office' | 'center'; status: 'approved' | 'published' | 'submitted' | 'returned' | 'draft'; budgetFen: bigint; spent: bigint; base: number }> = [
  { unit: 'office', status: 'approved', budgetFen: 12_345_678n, spent: 12n, base: 0 },
  { unit: 'center', status: 'published', budgetFen: 50_000_000n, spent: 33n, base: 2 },
  { unit: 'office', status: 'approved', budgetFen: 7_654_321n, spent: 47n, base: 1 },
  { unit: 'center', status: 'approved', budgetFen: 98_765_43n, spent: 58n, base: 2 },
  { unit: 'office', status: 'published', budgetFen: 20_000_001n, spent: 71n, base: 0 },
  { unit: 'center', status: 'approved', budgetFen: 3_000_000n, spent: 89n, base: 2 },
  { unit: 'office', status: 'approved', budgetFen: 45_000_000n, spent: 96n, base: 1 },
  { unit: 'center', status: 'submitted', budgetFen: 1_000_000n, spent: 20n, base: 2 },
  { unit: 'office', status: 'returned', budgetFen: 2_000_000n, spent: 30n, base: 0 },
  { unit: 'center', status: 'draft', budgetFen: 5_000_000n, spent: 40n, base: 2 },
];

forEachApi("the year's results report", (api) => {
  const ids: string[] = [];
  let drawId = '';
  const items: Array<{ evaluation: number; status: 'open' | 'answered' | 'closed'; due: string }> = [
    { evaluation: 0, status: 'open', due: '2020-06-30' },
    { evaluation: 0, status: 'closed', due: '2020-06-30' },
    { evaluation: 1, status: 'open', due: '2099-12-31' },
    { evaluation: 2, status: 'answered', due: '2020-01-01' },
    { evaluation: 3, status: 'open', due: '2021-01-01' },
    { evaluation: 8, status: 'open', due: '2020-03-01' },
  ];
  const applications: Array<{ evaluation: number; category: string }> = [
    { evaluation: 0, category: 'reduce' },
    { evaluation: 1, category: 'keep' },
    { evaluation: 4, category: 'keep' },
    { evaluation: 6, category: 'increase' },
  ];

  before(async () => {
    const seeds = seedEvaluations();
    for (const [i, f] of ADDED.entries()) {
      const document: Evaluation = structuredClone(seeds[f.base]!);
      document.year = YEAR;
      document.project = { ...document.project, name: `报告测试项目${i + 1}`, budgetCurrentYear: yuan(f.budgetFen), executed: yuan((f.budgetFen * f.spent) / 100n) };
      ids.push(await api.evaluation(f.unit, f.status, document));
    }
    const { db } = api.database();
    const reviewerId = (await db.selectFrom('users').select('id').where('username', '=', 'reviewer').executeTakeFirstOrThrow()).id;
    const at = new Date().toISOString();
    for (const [i, item] of items.entries()) {
      const form = ADDED[item.evaluation]!;
      await db.insertInto('rectification_items').values({
        id: `report-item-${i}`, evaluation_id: ids[item.evaluation]!, unit_id: api.unitId(form.unit), year: YEAR, project_code: '', project: `报告测试项目${item.evaluation + 1}`,
        indicator_id: null, indicator_name: null, recheck_draw_id: null, problem: '预算执行率偏低', requirement: '说明原因并整改', due_date: item.due, status: item.status,
        version: 1, measures: item.status === 'open' ? null : '已整改', evidence: '[]', send_back_reason: null, raised_by: reviewerId, raised_at: at,
        answered_by: null, answered_at: null, closed_by: null, closed_at: null, updated_at: at,
      }).execute();
    }
    for (const a of applications) {
      const form = ADDED[a.evaluation]!;
      await db.insertInto('results_applications').values({
        evaluation_id: ids[a.evaluation]!, unit_id: api.unitId(form.unit), year: YEAR, category: a.category as never, text: '按评价结果安排', version: 1, recorded_by: reviewerId, recorded_at: at,
      }).execute();
    }
    // A re-check of every reviewed form: the first 6 points lower on its first indicator, the second as self-scored, the rest left.
    const reviewer = await api.as('reviewer');
    const drawn = await reviewer.post('/api/rechecks', { year: YEAR, seed: 'report-2021', minimumShare: 100 });
    assert.equal(drawn.status, 201, JSON.stringify(drawn.body));
    drawId = drawn.body.id;
    const [a, b] = drawn.body.evaluations as any[];
    const scoresA = a.indicators.map((i: any) => ({ indicator: i.index, score: i.index === 0 ? Math.max(0, Math.round((i.selfScore - 6) * 100) / 100) : i.selfScore, ...(i.index === 0 ? { reason: '与佐证不符' } : {}) }));
    assert.equal((await reviewer.put(`/api/rechecks/${drawId}/evaluations/${a.id}`, { scores: scoresA })).status, 200);
    assert.equal((await reviewer.put(`/api/rechecks/${drawId}/evaluations/${b.id}`, { scores: b.indicators.map((i: any) => ({ indicator: i.index, score: i.selfScore })) })).status, 200);
  });

  /** Every figure of the report, as rows of cells, from the API and the inserted rows. */
  async function expectedTables(reviewer: Client) {
    const progress = (await reviewer.get(`/api/years/${YEAR}/progress`)).body;
    const coverage = (c: any, name: string) => {
      const submitted = c.submitted + c.forwarded + c.approved + c.published;
      const approved = c.approved + c.published;
      const due = BigInt(c.total);
      return [name, c.total, submitted, percent(BigInt(submitted), due), approved, percent(BigInt(approved), due), c.published, percent(BigInt(c.published), due)];
    };
    const list = (await reviewer.get(`/api/evaluations?year=${YEAR}&status=approved,published&limit=100`)).body;
    assert.equal(list.total, list.items.length);
    const reviewed = await Promise.all(
      list.items.map(async (s: any) => ({ ...s, executed: (await reviewer.get(`/api/evaluations/${s.id}`)).body.evaluation.project.executed as string | undefined })),
    );
    const budget = reviewed.reduce((n, r) => n + (r.budget ? fenOf(r.budget) : 0n), 0n);
    const executed = reviewed.reduce((n, r) => n + (r.executed ? fenOf(r.executed) : 0n), 0n);
    const gradeOrder = ['优', '良', '中', '差', '优秀', '良好', '合格', '不合格'];
    const grades = [...new Set(reviewed.map((r) => r.grade as string))].sort((x, y) => gradeOrder.indexOf(x) - gradeOrder.indexOf(y));
    const withRate = reviewed.filter((r) => r.executionRate !== null).sort((x, y) => Number(fenOf(x.executionRate) - fenOf(y.executionRate)) || (x.id < y.id ? -1 : 1));
    const project = (r: any, i: number) => [i + 1, r.unit.name, r.project, dash(r.budget), dash(r.executed ? yuan(fenOf(r.executed)) : null), r.executionRate, yuan(BigInt(Math.round(r.score * 100))), r.grade];
    const high = withRate.filter((r) => r.score >= 90 && fenOf(r.executionRate) < 6000n);
    const recheck = (await reviewer.get(`/api/rechecks/${drawId}/report`)).body;
    const points = (v: number | null) => (v === null ? '—' : yuan(BigInt(Math.round(v * 100))));
    // The year's items and applications as the API gives them: the inserted rows and the demo's own.
    const listed = (await reviewer.get(`/api/rectifications?year=${YEAR}&limit=500`)).body;
    assert.equal(listed.total, listed.items.length);
    assert.ok(listed.total >= items.length);
    const rectified: Array<{ status: string; overdue: boolean }> = listed.items;
    const rect = (subset: typeof rectified) => [subset.length, subset.filter((i) => i.status === 'open').length, subset.filter((i) => i.status === 'answered').length, subset.filter((i) => i.status === 'closed').length, subset.filter((i) => i.overdue).length];
    const applied = (
      await Promise.all(reviewed.map(async (r) => ({ budget: r.budget as string | null, application: (await reviewer.get(`/api/evaluations/${r.id}/results-application`)).body.application })))
    ).filter((a) => a.application !== null);
    assert.ok(applied.length >= applications.length);
    const byCategory = ['keep', 'increase', 'reduce', 'stop', 'rectify-first', 'other'].map((c) => applied.filter((a) => a.application.category === c));
    const budgetOf = (a: { budget: string | null }) => (a.budget ? fenOf(a.budget) : 0n);
    const categoryWords: string[] = ['保持预算', '增加预算', '压减预算', '取消项目', '先整改后安排', '其他'];
    const department = progress.departments[0].unit.name;
    return {
      figures: { due: progress.totals.total, reviewed: reviewed.length, budget: yuan(budget), executed: yuan(executed), rate: percent(executed, budget), high: high.length, rechecked: recheck.overall.drawn, flagged: recheck.overall.flagged },
      coverage: [...progress.departments.map((d: any) => coverage(d.counts, d.unit.name)), coverage(progress.totals, '合计')],
      grades: [...grades.map((g) => {
        const of = reviewed.filter((r) => r.grade === g);
        return [g, of.length, percent(BigInt(of.length), BigInt(reviewed.length)), yuan(of.reduce((n, r) => n + fenOf(r.budget), 0n))];
      }), ['合计', reviewed.length, '100.00', yuan(budget)]],
      lowest: withRate.slice(0, 10).map(project),
      highScoreLowExecution: high.slice(0, 20).map(project),
      recheck: [...recheck.units.map((u: any) => [u.unit.name, u.drawn, u.rechecked, u.flagged, points(u.meanGap), points(u.meanAbsoluteGap), points(u.maxGap)]),
        ['合计', recheck.overall.drawn, recheck.overall.rechecked, recheck.overall.flagged, points(recheck.overall.meanGap), points(recheck.overall.meanAbsoluteGap), points(recheck.overall.maxGap)]],
      rectification: [[department, ...rect(rectified)], ['合计', ...rect(rectified)]],
      applications: [...byCategory.map((of, i) => [categoryWords[i]!, of.length, percent(BigInt(of.length), BigInt(applied.length)), yuan(of.reduce((n, a) => n + budgetOf(a), 0n))]),
        ['合计', applied.length, '100.00', yuan(applied.reduce((n, a) => n + budgetOf(a), 0n))]],
      raised: rectified.length, applied: applied.length,
    };
  }

  test("the PDF: every figure equals the API's, text in the embedded font, charts with their words; the XLSX holds the same tables", { timeout: 60_000 }, async () => {
    const reviewer = await api.as('reviewer');
    const expected = await expectedTables(reviewer);
    assert.ok(expected.lowest.length >= 5 && expected.highScoreLowExecution.length >= 1 && expected.recheck.length >= 2, JSON.stringify(expected));

    const pdf = await reviewer.get(`/api/years/${YEAR}/report.pdf`);
    assert.equal(pdf.status, 200, JSON.stringify(pdf.body));
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /^attachment; filename="results-report-2021\.pdf"/u);
    const bytes = new Uint8Array(pdf.body);
    if (process.env.JIXIAO_REPORT_PDF) (await import('node:fs')).writeFileSync(`${process.env.JIXIAO_REPORT_PDF}-${api.dialect}.pdf`, bytes);
    const pages = popplerPages(bytes);
    const text = squeeze(pages.join('\n'));
    assert.doesNotMatch(pages.join(''), RADICALS, 'no radicals in place of ideographs');
    const fonts = pdffonts(bytes).split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length >= 1 && fonts.every((line) => /NotoSans/u.test(line) && /\byes\s+yes\s+yes\b/u.test(line)), `only the embedded subset font:\n${fonts.join('\n')}`);
    const has = (cells: Array<string | number | null>, what: string) => assert.ok(text.includes(squeeze(cells.map(dash).join(''))), `${what}: ${cells.join(' | ')}`);

    const f = expected.figures;
    has(['应评价项目数', f.due], 'forms due');
    has(['参与结果统计的项目数', f.reviewed], 'reviewed');
    has(['预算数合计（元）', f.budget], 'budget');
    has(['执行数合计（元）', f.executed], 'executed');
    has(['总体预算执行率（%）', f.rate], 'rate');
    has(['高分低执行项目数（得分≥90、执行率<60%）', f.high], 'high score low execution');
    has(['抽查复核项目数', f.rechecked], 're-checked');
    has(['复核差异超阈值项目数', f.flagged], 'flagged');
    has(['提出整改事项数', expected.raised], 'raised');
    has(['逾期未整改事项数', expected.rectification[0]![5] as number], 'overdue');
    has(['已记录结果应用的项目数', expected.applied], 'applied');
    for (const key of ['coverage', 'grades', 'lowest', 'highScoreLowExecution', 'recheck', 'rectification', 'applications'] as const) {
      for (const row of expected[key]) has(row as Array<string | number | null>, key);
    }
    // The charts' words and figures are text in the same font.
    const charts = squeeze(pages[1]!);
    for (const word of ['评价覆盖情况', '绩效等级分布', '整改事项', '结果应用', '应评价', '已销号', '保持预算']) assert.ok(charts.includes(word), `chart word ${word}`);
    assert.ok(charts.includes(String(f.due)));

    const xlsx = await reviewer.get(`/api/years/${YEAR}/report.xlsx`);
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-disposition') ?? '', /results-report-2021\.xlsx/u);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body) as never);
    const sheets = workbook.worksheets;
    assert.deepEqual(sheets.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、']);
    /** A sheet's rows below its title, note and column titles, as the PDF prints them. */
    const rowsOf = (index: number) => {
      const out: string[][] = [];
      sheets[index]!.eachRow((row, n) => {
        const columns = sheets[index]!.getRow(3).cellCount;
        const values = Array.from({ length: columns }, (_, i) => row.getCell(i + 1).value);
        if (n > 3) out.push(values.map((v) => (v === null || v === undefined ? '—' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v))));
      });
      return out;
    };
    const normal = (rows: Array<Array<string | number | null>>, moneyColumns: number[]) =>
      rows.map((row) => row.map((v, i) => (v === null ? '—' : moneyColumns.includes(i) && typeof v === 'string' ? Number(v).toFixed(2) : String(v))));
    // Amounts and rates are numbers in the workbook: "100.00" reads back as 100.
    const asRead = (rows: string[][]) => rows.map((row) => row.map((v) => (/^-?\d+\.00$/u.test(v) ? String(Number(v)) : v)));
    assert.deepEqual(asRead(rowsOf(1)), asRead(normal(expected.coverage, [])));
    assert.deepEqual(asRead(rowsOf(2)), asRead(normal(expected.grades, [3])));
    assert.deepEqual(asRead(rowsOf(3)), asRead(normal(expected.lowest, [3, 4])));
    assert.deepEqual(asRead(rowsOf(4)), asRead(normal(expected.highScoreLowExecution, [3, 4])));
    assert.deepEqual(asRead(rowsOf(5)), asRead(normal(expected.recheck, [])));
    assert.deepEqual(asRead(rowsOf(6)), asRead(normal(expected.rectification, [])));
    assert.deepEqual(asRead(rowsOf(7)), asRead(normal(expected.applications, [3])));
  });

  test('in English; the finance bureau only', async () => {
    const admin = await api.as('admin');
    const pdf = await admin.get(`/api/years/${YEAR}/report.pdf?lang=en`);
    assert.equal(pdf.status, 200);
    const text = squeeze(popplerPages(new Uint8Array(pdf.body)).join('\n'));
    for (const words of ['Fiscal project performance results of 2021', '2. Coverage by department', 'Rectification items', 'Budget kept']) assert.ok(text.includes(squeeze(words)), words);
    for (const username of ['preparer', 'approver', 'department'] as const) {
      assert.equal((await (await api.as(username)).get(`/api/years/${YEAR}/report.xlsx`)).status, 403, username);
    }
    const events = await api.database().db.selectFrom('security_events').select('detail').where('action', '=', 'download').execute();
    assert.ok(events.some((e) => JSON.stringify(e.detail).includes('results-report.pdf')), 'the download is a security event');
  });
});
