/** The public routes show only published evaluations; the dashboard aggregates what the user may see. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi, type Client } from './support/api-harness.ts';

forEachApi('public routes and dashboard', (api) => {
  test('public list: published only, with filters; public reads of anything else are 404', async () => {
    const draft = await api.evaluation('center', 'draft');
    const approved = await api.evaluation('office', 'approved');
    const published = await api.evaluation('center', 'published');
    const anonymous = api.anonymous();
    const list = await anonymous.get('/api/public/evaluations');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length >= 2);
    assert.ok(list.body.items.every((s: any) => s.status === 'published'));
    const ids = list.body.items.map((s: any) => s.id);
    assert.ok(ids.includes(published));
    assert.ok(!ids.includes(draft) && !ids.includes(approved));
    const center = await anonymous.get(`/api/public/evaluations?unit=${api.unitId('center')}&year=2021`);
    assert.ok(center.body.items.every((s: any) => s.unit.id === api.unitId('center')));
    assert.deepEqual((await anonymous.get('/api/public/evaluations?year=1999')).body.items, []);

    const detail = await anonymous.get(`/api/public/evaluations/${published}`);
    assert.deepEqual(Object.keys(detail.body).sort(), ['computed', 'evaluation', 'evidence', 'id', 'unit']);
    assert.deepEqual(detail.body.evidence, [], 'no evidence file is public unless the reviewer marks it');
    assert.equal(detail.body.computed.grade, '优秀');
    for (const id of [draft, approved, 'no-such-id']) {
      assert.equal((await anonymous.get(`/api/public/evaluations/${id}`)).status, 404);
      assert.equal((await anonymous.get(`/api/public/evaluations/${id}/export.pdf`)).status, 404);
    }
    const pdf = await anonymous.get(`/api/public/evaluations/${published}/export.pdf`);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(pdf.body.subarray(0, 5)).toString('latin1'), '%PDF-');
    assert.match(pdf.headers.get('content-disposition')!, /^attachment; filename=".*\.pdf"; filename\*=UTF-8''/u);
  });

  test('the demo: one draft, one submitted, one published; each role sees its part', async () => {
    const preparer2 = await api.as('preparer2');
    const reviewer = await api.as('reviewer');
    const fromDemo = (items: any[]) => items.filter((s) => s.version > 1 || s.status === 'draft');
    const mine = (await preparer2.get('/api/evaluations')).body.items;
    assert.ok(mine.every((s: any) => s.unit.id === api.unitId('center')));
    assert.ok(fromDemo(mine).some((s: any) => s.status === 'draft'));
    const reviewed = (await reviewer.get('/api/evaluations')).body.items;
    assert.ok(reviewed.every((s: any) => s.status !== 'draft'), 'the reviewer sees no drafts');
    assert.ok(reviewed.some((s: any) => s.status === 'submitted') && reviewed.some((s: any) => s.status === 'published'));
    const filtered = (await reviewer.get(`/api/evaluations?status=published&unit=${api.unitId('office')}`)).body.items;
    assert.ok(filtered.length > 0 && filtered.every((s: any) => s.status === 'published' && s.unit.id === api.unitId('office')));
    const summary = reviewed[0];
    assert.deepEqual(Object.keys(summary).sort(), ['budget', 'executionRate', 'grade', 'id', 'project', 'score', 'status', 'template', 'unit', 'updatedAt', 'version', 'year']);
    assert.equal((await reviewer.get('/api/units')).body.items.length, 2);
    assert.deepEqual((await preparer2.get('/api/units')).body.items.map((u: any) => u.id), [api.unitId('center')]);
  });

  /** Every row of the year's table, read page by page (`limit` rows a page) in the given order. */
  async function wholeTable(client: Client, query: string, limit: number): Promise<{ rows: any[]; totals: number[] }> {
    const rows: any[] = [];
    const totals: number[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await client.get(`/api/dashboard/table?${query}&limit=${limit}&offset=${offset}`);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      assert.deepEqual([page.body.limit, page.body.offset], [limit, offset]);
      totals.push(page.body.total);
      rows.push(...page.body.items);
      if (page.body.items.length < limit) return { rows, totals };
    }
  }
  const hundredths = (s: string | number) => Math.round(Number(s) * 100);
  const fen = (s: string) => BigInt(s.replace('.', ''));

  test('dashboard overview: counts, grades, money (exact sums), the scatter grid and the units agree with the table', async () => {
    const [first, second, third] = seedEvaluations();
    await api.evaluation('office', 'approved', second!);
    await api.evaluation('center', 'published', third!);
    await api.evaluation('office', 'submitted', first!);
    const admin = await api.as('admin');
    const dashboard = await admin.get('/api/dashboard?year=2021');
    assert.equal(dashboard.status, 200);
    const { year, total, byStatus, byGrade, totals, scatter, unitCount, budgetByUnit } = dashboard.body;
    assert.equal('rows' in dashboard.body, false, 'the overview carries no rows: the table is paged');
    assert.equal(year, 2021);
    const { rows } = await wholeTable(admin, 'year=2021&sort=score&order=desc', 500);
    assert.equal(total, rows.length);
    assert.ok(total >= 6);
    for (const status of ['draft', 'submitted', 'returned', 'approved', 'published']) {
      assert.equal(byStatus[status], rows.filter((r: any) => r.status === status).length, status);
    }
    for (const { grade, count } of byGrade) assert.equal(count, rows.filter((r: any) => r.grade === grade).length, grade);
    assert.equal(byGrade.reduce((a: number, g: any) => a + g.count, 0), total);
    assert.equal(fen(totals.budget), rows.reduce((a: bigint, r: any) => a + (r.budget ? fen(r.budget) : 0n), 0n));

    // Each form with a rate lies in exactly one cell; the red count is score − rate > 5 points, exactly.
    assert.equal(scatter.bin, 2);
    const rated = rows.filter((r: any) => r.executionRate !== null);
    assert.equal(scatter.cells.reduce((a: number, c: any) => a + c.count, 0), rated.length);
    for (const cell of scatter.cells) {
      const inCell = rated.filter((r: any) => {
        const at = (v: number) => Math.min(100, Math.max(0, Math.floor(v / 200) * 2));
        return at(hundredths(r.executionRate)) === cell.rate && at(hundredths(r.score)) === cell.score;
      });
      assert.equal(cell.count, inCell.length, `cell ${cell.rate}/${cell.score}`);
      assert.equal(cell.highScoreLowExecution, inCell.filter((r: any) => hundredths(r.score) - hundredths(r.executionRate) > 500).length);
    }
    assert.ok(scatter.cells.some((c: any) => c.highScoreLowExecution > 0), 'the seed form of 62.16 % and a high score is flagged');

    assert.equal(unitCount, 2);
    assert.deepEqual(budgetByUnit.map((b: any) => fen(b.budget)), budgetByUnit.map((b: any) => fen(b.budget)).sort((a: bigint, b: bigint) => (a > b ? -1 : a < b ? 1 : 0)), 'largest first');
    for (const entry of budgetByUnit) {
      const mine = rows.filter((r: any) => r.unit.id === entry.unit.id);
      assert.equal(fen(entry.budget), mine.reduce((a: bigint, r: any) => a + fen(r.budget), 0n), entry.unit.name);
    }

    const preparer = await (await api.as('preparer')).get('/api/dashboard');
    assert.equal(preparer.body.year, 2021, 'the latest year by default');
    assert.deepEqual(preparer.body.budgetByUnit.map((b: any) => b.unit.id), [api.unitId('office')]);
    const reviewer = await (await api.as('reviewer')).get('/api/dashboard?year=2021');
    assert.equal(reviewer.body.byStatus.draft, 0, 'the reviewer counts no drafts');
    assert.equal(reviewer.body.total, total - byStatus.draft);
    const empty = await admin.get('/api/dashboard?year=1990');
    assert.deepEqual([empty.body.total, empty.body.byGrade, empty.body.scatter.cells, empty.body.budgetByUnit, empty.body.byStatus.draft, empty.body.totals.budget], [0, [], [], [], 0, '0.00']);
  });

  test('dashboard table: pages in a stable order with the total, sorted and filtered in SQL', async () => {
    const [first, second] = seedEvaluations();
    for (const status of ['draft', 'returned', 'approved'] as const) await api.evaluation('office', status, second!);
    await api.evaluation('center', 'approved', first!);
    const admin = await api.as('admin');
    const all = await wholeTable(admin, 'year=2021&sort=score&order=desc', 500);
    // Small pages give the same rows in the same order as one big page: no row twice, none left out.
    const paged = await wholeTable(admin, 'year=2021&sort=score&order=desc', 2);
    assert.deepEqual(paged.rows.map((r) => r.id), all.rows.map((r) => r.id));
    assert.ok(paged.totals.every((t) => t === all.rows.length));
    assert.deepEqual(Object.keys(all.rows[0]).sort(), ['budget', 'executionRate', 'grade', 'id', 'project', 'score', 'status', 'template', 'unit', 'updatedAt', 'version', 'year']);
    const scores = all.rows.map((r) => r.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    const byRate = (await wholeTable(admin, 'year=2021&sort=executionRate&order=asc', 3)).rows.map((r) => r.executionRate);
    const rates = byRate.filter((r) => r !== null);
    assert.deepEqual(rates, [...rates].sort((a, b) => hundredths(a) - hundredths(b)));
    assert.deepEqual(byRate.slice(rates.length), byRate.filter((r) => r === null), 'blank rates last');
    const byBudget = (await wholeTable(admin, 'year=2021&sort=budget&order=desc', 500)).rows.map((r) => fen(r.budget));
    assert.deepEqual(byBudget, [...byBudget].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));

    const approvedOffice = await wholeTable(admin, `year=2021&status=approved&unit=${api.unitId('office')}`, 500);
    assert.ok(approvedOffice.rows.length >= 3);
    assert.ok(approvedOffice.rows.every((r) => r.status === 'approved' && r.unit.id === api.unitId('office')));
    const word = second!.project.name.slice(2, 6);
    const named = await wholeTable(admin, `year=2021&project=${encodeURIComponent(word)}`, 500);
    assert.ok(named.rows.length >= 3 && named.rows.every((r) => r.project.includes(word)));
    assert.equal((await wholeTable(admin, 'year=2021&project=%25', 500)).rows.length, 0, 'a % in the text is a character, not a wildcard');
    const preparer = await wholeTable(await api.as('preparer2'), 'year=2021', 500);
    assert.ok(preparer.rows.every((r) => r.unit.id === api.unitId('center')));

    // A deleted form leaves the table, its count and the overview.
    const before = (await admin.get('/api/dashboard?year=2021')).body;
    const gone = all.rows.find((r) => r.status === 'approved')!;
    assert.equal((await admin.request('DELETE', `/api/evaluations/${gone.id}`)).status, 204);
    const after = await wholeTable(admin, 'year=2021&sort=score&order=desc', 500);
    assert.deepEqual(after.rows.map((r) => r.id), all.rows.map((r) => r.id).filter((id) => id !== gone.id));
    const overview = (await admin.get('/api/dashboard?year=2021')).body;
    assert.deepEqual([overview.total, overview.byStatus.approved], [before.total - 1, before.byStatus.approved - 1]);
    assert.equal(fen(overview.totals.budget), fen(before.totals.budget) - fen(gone.budget));
    assert.equal((await admin.post(`/api/evaluations/${gone.id}/restore`)).status, 200);

    const beyond = await admin.get('/api/dashboard/table?year=2021&offset=100000');
    assert.deepEqual([beyond.status, beyond.body.items, beyond.body.total], [200, [], all.rows.length]);
    for (const [query, field] of [['limit=0', 'limit'], ['limit=501', 'limit'], ['offset=-1', 'offset'], ['sort=price', 'sort'], ['order=up', 'order'], ['status=lost', 'status'], ['year=abc', 'year']]) {
      const bad = await admin.get(`/api/dashboard/table?${query}`);
      assert.equal(bad.status, 400, query);
      assert.deepEqual(bad.body.error.issues.map((i: any) => i.path), [field], query);
    }
  });

  test('dashboard exports: the whole table (its filter and order) as CSV with a BOM, and XLSX', async () => {
    const admin = await api.as('admin');
    const { rows } = await wholeTable(admin, 'year=2021&sort=budget&order=asc', 500);
    const csv = await admin.get('/api/dashboard/export.csv?year=2021&sort=budget&order=asc');
    assert.match(csv.headers.get('content-type')!, /^text\/csv/u);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.body);
    assert.ok(text.startsWith('\uFEFF'));
    const lines = text.trim().split('\r\n');
    assert.equal(lines.length, rows.length + 1);
    assert.match(lines[0]!, /项目名称/u);
    assert.ok(lines[1]!.includes(rows[0].project) && lines[1]!.includes(rows[0].budget));
    const approved = new TextDecoder().decode((await admin.get('/api/dashboard/export.csv?year=2021&status=approved')).body);
    assert.equal(approved.trim().split('\r\n').length, rows.filter((r) => r.status === 'approved').length + 1);
    const english = new TextDecoder().decode((await admin.get('/api/dashboard/export.csv?year=2021&lang=en')).body);
    assert.match(english, /Project/u);
    const xlsx = await admin.get('/api/dashboard/export.xlsx?year=2021');
    assert.equal(Buffer.from(xlsx.body.subarray(0, 2)).toString('latin1'), 'PK');
  });
});
