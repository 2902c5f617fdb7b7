/** The public routes show only published evaluations; the dashboard aggregates what the user may see. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachApi } from './support/api-harness.ts';

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
    assert.deepEqual(Object.keys(detail.body).sort(), ['computed', 'evaluation', 'id', 'unit']);
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

  test('dashboard: counts, grades, budget by unit (exact sums) and the table agree with the rows the user sees', async () => {
    const admin = await api.as('admin');
    const dashboard = await admin.get('/api/dashboard?year=2021');
    assert.equal(dashboard.status, 200);
    const { year, byStatus, byGrade, points, budgetByUnit, rows } = dashboard.body;
    assert.equal(year, 2021);
    assert.equal(Object.values(byStatus as Record<string, number>).reduce((a, b) => a + b, 0), rows.length);
    for (const status of ['draft', 'submitted', 'returned', 'approved', 'published']) {
      assert.equal(byStatus[status], rows.filter((r: any) => r.status === status).length, status);
    }
    assert.equal(byGrade.reduce((a: number, g: any) => a + g.count, 0), rows.length);
    assert.equal(points.length, rows.length);
    const fen = (s: string) => BigInt(s.replace('.', ''));
    for (const entry of budgetByUnit) {
      const expected = rows.filter((r: any) => r.unit.id === entry.unit.id).reduce((a: bigint, r: any) => a + fen(r.budget), 0n);
      assert.equal(fen(entry.budget), expected, entry.unit.name);
    }
    const preparer = await (await api.as('preparer')).get('/api/dashboard');
    assert.equal(preparer.body.year, 2021, 'the latest year by default');
    assert.ok(preparer.body.rows.every((r: any) => r.unit.id === api.unitId('office')));
    assert.deepEqual(preparer.body.budgetByUnit.map((b: any) => b.unit.id), [api.unitId('office')]);
    const empty = await admin.get('/api/dashboard?year=1990');
    assert.deepEqual([empty.body.rows, empty.body.byGrade, empty.body.byStatus.draft], [[], [], 0]);
  });

  test('dashboard exports: CSV with a BOM and one line per row; XLSX', async () => {
    const admin = await api.as('admin');
    const rows = (await admin.get('/api/dashboard?year=2021')).body.rows;
    const csv = await admin.get('/api/dashboard/export.csv?year=2021');
    assert.match(csv.headers.get('content-type')!, /^text\/csv/u);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.body);
    assert.ok(text.startsWith('\uFEFF'));
    const lines = text.trim().split('\r\n');
    assert.equal(lines.length, rows.length + 1);
    assert.match(lines[0]!, /项目名称/u);
    assert.ok(text.includes(rows[0].budget));
    const english = new TextDecoder().decode((await admin.get('/api/dashboard/export.csv?year=2021&lang=en')).body);
    assert.match(english, /Project/u);
    const xlsx = await admin.get('/api/dashboard/export.xlsx?year=2021');
    assert.equal(Buffer.from(xlsx.body.subarray(0, 2)).toString('latin1'), 'PK');
  });
});
