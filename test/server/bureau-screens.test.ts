/**
 * The bureau's screens (issue 14): the years with data that the dashboard and the re-check page
 * open on and offer, and the dashboard table filtered to one cell of the scatter — exactly that
 * cell's forms, with the scatter's clamping (a rate above 100 % is in the last cell).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi, type Client } from './support/api-harness.ts';

/** A year none of the demo's forms are of, so its table holds only the forms made here. */
const YEAR = 2031;

/** The office's seed form moved to YEAR with the execution given (budget 414400.00). */
function formOf(executed: string, rate: string): Evaluation {
  const form = seedEvaluations()[0]!;
  form.year = YEAR;
  form.project = { ...form.project, executed, executionRate: rate };
  return form;
}

forEachApi('the bureau’s screens', (api) => {
  async function all(client: Client, query: string): Promise<any[]> {
    const page = await client.get(`/api/dashboard/table?${query}&limit=500`);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.equal(page.body.total, page.body.items.length);
    return page.body.items;
  }
  const hundredths = (s: string | number) => Math.round(Number(s) * 100);
  const ids = (rows: any[]) => rows.map((r) => r.id).sort();

  test('dashboard years: the years the user has forms of, newest first, counted as the dashboard counts them', async () => {
    await api.evaluation('office', 'draft', formOf('200000.00', '48.26'));
    await api.evaluation('center', 'approved', { ...formOf('200000.00', '48.26'), year: YEAR });
    const admin = await api.as('admin');
    const years = await admin.get('/api/dashboard/years');
    assert.equal(years.status, 200);
    const list: Array<{ year: number; count: number }> = years.body.years;
    assert.deepEqual(list.map((y) => y.year), [...list.map((y) => y.year)].sort((a, b) => b - a), 'newest first');
    assert.equal(list[0]!.year, YEAR);
    for (const { year, count } of list) assert.equal(count, (await admin.get(`/api/dashboard?year=${year}`)).body.total, String(year));
    assert.ok(list.every((y) => y.count > 0), 'only years with forms');
    // What a user may see: the reviewer no drafts, the other unit's preparer not the office's forms.
    const reviewer = (await (await api.as('reviewer')).get('/api/dashboard/years')).body.years;
    for (const { year, count } of reviewer) assert.equal(count, (await (await api.as('reviewer')).get(`/api/dashboard?year=${year}`)).body.total);
    const center = (await (await api.as('preparer2')).get('/api/dashboard/years')).body.years;
    const centerTotal = (await (await api.as('preparer2')).get(`/api/dashboard?year=${YEAR}`)).body.total;
    assert.equal(center.find((y: any) => y.year === YEAR)?.count ?? 0, centerTotal);
    assert.equal((await api.anonymous().get('/api/dashboard/years')).status, 401);
  });

  test('a cell of the scatter: the table filtered by its bounds holds exactly its forms (rate above 100 % in the last cell, bounds exact)', async () => {
    // 62.16 %, exactly 42.00 % (cell 42, not 40), 41.99 % (cell 40), 100.00 % and 120.00 % (both the last cell).
    const made = new Map<string, string>();
    for (const [executed, rate] of [['257602.00', '62.16'], ['174048.00', '42.00'], ['174006.56', '41.99'], ['414400.00', '100.00'], ['497280.00', '120.00']] as const) {
      made.set(await api.evaluation('office', 'approved', formOf(executed, rate)), rate);
    }
    const admin = await api.as('admin');
    const rows = await all(admin, `year=${YEAR}`);
    const board = (await admin.get(`/api/dashboard?year=${YEAR}`)).body;
    const { bin, cells } = board.scatter;
    assert.ok(cells.length >= 4);
    const at = (v: string) => Math.min(100, Math.max(0, Math.floor(hundredths(v) / (100 * bin)) * bin));
    for (const cell of cells) {
      const query = `year=${YEAR}&rateFrom=${cell.rate}&rateTo=${cell.rate + bin}&scoreFrom=${cell.score}&scoreTo=${cell.score + bin}`;
      const inCell = await all(admin, query);
      assert.equal(inCell.length, cell.count, query);
      assert.deepEqual(ids(inCell), ids(rows.filter((r) => r.executionRate !== null && at(r.executionRate) === cell.rate && at(r.score) === cell.score)), query);
    }
    const rateOf = (id: string) => rows.find((r) => r.id === id)?.executionRate;
    for (const [id, rate] of made) assert.equal(hundredths(rateOf(id)), hundredths(rate), 'the rates are as made');
    const band = async (from: string, to: string) => ids(await all(admin, `year=${YEAR}&rateFrom=${from}&rateTo=${to}`));
    const mine = (from: number, to: number) => ids(rows.filter((r) => r.executionRate !== null && at(r.executionRate) >= from && at(r.executionRate) < to));
    assert.deepEqual(await band('42', '44'), mine(42, 44));
    assert.ok((await band('42', '44')).some((id) => made.get(id) === '42.00') && !(await band('42', '44')).some((id) => made.get(id) === '41.99'));
    assert.ok((await band('40', '42')).some((id) => made.get(id) === '41.99'));
    const last = await band('100', '102');
    assert.ok(last.some((id) => made.get(id) === '100.00') && last.some((id) => made.get(id) === '120.00'), 'above 100 % is in the last cell');
    assert.deepEqual(await band('0', '102'), mine(0, 102), 'the whole axis: every form with a rate');
    assert.deepEqual(await band('41.99', '42.01'), ids(rows.filter((r) => r.executionRate !== null && ['41.99', '42.00'].includes(r.executionRate))), 'exact decimals');
    // The filter applies to the files too.
    const csv = await admin.get(`/api/dashboard/export.csv?year=${YEAR}&rateFrom=100&rateTo=102`);
    assert.equal(csv.status, 200);
    assert.equal(Buffer.from(csv.body).toString('utf8').trim().split('\n').length, 1 + last.length);
  });

  test('the table’s files name the template and the grade in the file’s language, never the template’s id', async () => {
    const admin = await api.as('admin');
    const shanghai = templateRegistry().get('shanghai-2021')!;
    const rows = await all(admin, `year=${YEAR}`);
    assert.ok(rows.length > 0 && rows.every((r) => r.template === 'shanghai-2021'));
    const file = async (lang: string) => Buffer.from((await admin.get(`/api/dashboard/export.csv?year=${YEAR}&lang=${lang}`)).body).toString('utf8').trim().split('\r\n').slice(1);
    const grade = (zh: string, lang: 'zh' | 'en') => shanghai.grades.find((g) => g.label.zh === zh)!.label[lang];
    for (const lang of ['zh', 'en'] as const) {
      const lines = await file(lang);
      assert.equal(lines.length, rows.length);
      for (const line of lines) {
        assert.ok(line.includes(shanghai.name[lang].replace(/"/gu, '""')), line);
        assert.ok(!line.includes('shanghai-2021'), line);
      }
      for (const row of rows) assert.ok(lines.some((line) => line.includes(`,${grade(row.grade, lang)},`)), `${row.grade} in ${lang}`);
    }
  });

  test('a bad bound is a 400 naming it', async () => {
    const admin = await api.as('admin');
    for (const [query, field] of [
      ['rateFrom=abc', 'rateFrom'], ['rateTo=1e2', 'rateTo'], ['scoreFrom=-2', 'scoreFrom'], ['scoreTo=1.005', 'scoreTo'], ['rateFrom=%EF%BC%94%EF%BC%90', 'rateFrom'],
      ['rateFrom=42&rateTo=40', 'rateTo'], ['scoreFrom=90&scoreTo=90', 'scoreTo'], ['rateTo=10000', 'rateTo'],
    ]) {
      for (const path of ['/api/dashboard/table', '/api/dashboard/export.csv']) {
        const bad = await admin.get(`${path}?${query}`);
        assert.equal(bad.status, 400, `${path}?${query}`);
        assert.deepEqual(bad.body.error.issues.map((i: any) => i.path), [field], query);
      }
    }
  });

  test('re-check years: years with approved or published forms or with draws, for the reviewer alone', async () => {
    await api.evaluation('office', 'published', formOf('257602.00', '62.16'));
    const reviewer = await api.as('reviewer');
    const drawn = await reviewer.post('/api/rechecks', { year: YEAR, seed: 'years' });
    assert.equal(drawn.status, 201, JSON.stringify(drawn.body));
    const answer = await reviewer.get('/api/rechecks/years');
    assert.equal(answer.status, 200);
    const years: Array<{ year: number; forms: number; draws: number }> = answer.body.years;
    assert.deepEqual(years.map((y) => y.year), [...years.map((y) => y.year)].sort((a, b) => b - a));
    const of = years.find((y) => y.year === YEAR)!;
    const population = (await all(await api.as('admin'), `year=${YEAR}`)).filter((r) => r.status === 'approved' || r.status === 'published').length;
    assert.equal(of.forms, population);
    assert.equal(of.draws, (await reviewer.get(`/api/rechecks?year=${YEAR}`)).body.total);
    assert.ok(of.draws >= 1);
    assert.ok(years.every((y) => y.forms > 0 || y.draws > 0));
    // A draft-only year is not offered.
    const draftOnly = seedEvaluations()[0]!;
    draftOnly.year = 2032;
    await api.evaluation('office', 'draft', draftOnly);
    assert.ok(!(await reviewer.get('/api/rechecks/years')).body.years.some((y: any) => y.year === 2032));
    for (const who of ['preparer', 'approver', 'admin'] as const) assert.equal((await (await api.as(who)).get('/api/rechecks/years')).status, 403, who);
  });
});
