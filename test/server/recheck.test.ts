/**
 * Re-check (抽查复核) over HTTP on both databases: the reviewer draws a reproducible stratified
 * sample of a year's approved and published forms, records re-check scores with reasons, reads the
 * gap report (JSON and XLSX) and the audit log; every other role is refused.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { BUDGET_BANDS } from '../../src/core/recheck/budget-bands.ts';
import { drawSample } from '../../src/core/recheck/draw.ts';
import { BUILT_IN_TEMPLATES } from '../../src/core/templates/registry.ts';
import type { Status } from '../../src/core/workflow/workflow.ts';
import { syntheticEvaluations } from '../../src/demo/synthetic-evaluations.ts';
import { yuanToFen } from '../../src/storage/columns.ts';
import { forEachApi, type Api, type UnitKey } from './support/api-harness.ts';

const YEAR = 2030;
const STATUS_CYCLE: Status[] = ['approved', 'published', 'approved', 'submitted', 'draft', 'published', 'returned'];

/** 14 synthetic forms of each unit in YEAR in several statuses: ids of all, and of those that may be drawn. */
async function loadYear(api: Api) {
  const all: Array<{ id: string; unit: UnitKey; status: Status; budgetFen: number | null }> = [];
  const forms = [...syntheticEvaluations({ units: 2, projectsPerUnit: 14, years: [YEAR, YEAR], seed: 3 }, BUILT_IN_TEMPLATES)];
  for (const [i, evaluation] of forms.entries()) {
    const unit: UnitKey = i < 14 ? 'office' : 'center';
    const status = STATUS_CYCLE[i % STATUS_CYCLE.length]!;
    all.push({ id: await api.evaluation(unit, status, evaluation), unit, status, budgetFen: yuanToFen(evaluation.project.budgetCurrentYear) });
  }
  return all;
}

forEachApi('re-check', (api) => {
  let forms: Awaited<ReturnType<typeof loadYear>>;
  let drawId: string;
  let draw: any;
  before(async () => {
    forms = await loadYear(api);
  });

  describe('refusals', () => {
    test('anonymous: 401 on every route', async () => {
      const anonymous = api.anonymous();
      for (const [method, path] of [['GET', '/api/rechecks'], ['POST', '/api/rechecks'], ['GET', '/api/rechecks/x'], ['GET', '/api/rechecks/x/report'], ['GET', '/api/rechecks/x/report.xlsx'], ['GET', '/api/rechecks/x/audit']] as const) {
        const answer = await anonymous.request(method, path, method === 'POST' ? { body: { year: YEAR } } : {});
        assert.equal(answer.status, 401, `${method} ${path}`);
        assert.equal(answer.body.error.code, 'UNAUTHENTICATED');
      }
      const put = await anonymous.put('/api/rechecks/x/evaluations/y', { scores: [{ indicator: 0, score: 1 }] });
      assert.equal(put.status, 401);
    });

    test('preparers, approvers and the admin: 403, and nothing is drawn', async () => {
      for (const username of ['preparer', 'preparer2', 'approver', 'admin'] as const) {
        const client = await api.as(username);
        assert.equal((await client.post('/api/rechecks', { year: YEAR })).status, 403, username);
        const list = await client.get(`/api/rechecks?year=${YEAR}`);
        assert.equal(list.status, 403, username);
        assert.equal(list.body.error.code, 'FORBIDDEN');
      }
      const reviewer = await api.as('reviewer');
      assert.deepEqual((await reviewer.get(`/api/rechecks?year=${YEAR}`)).body.items, []);
    });

    test('the reviewer without the CSRF token: 403 CSRF', async () => {
      const reviewer = await api.as('reviewer');
      const answer = await reviewer.post('/api/rechecks', { year: YEAR }, { csrf: false });
      assert.equal(answer.status, 403);
      assert.equal(answer.body.error.code, 'CSRF');
    });

    test('bad parameters: 400 with the field; a year with nothing approved: 422 NOTHING_TO_DRAW', async () => {
      const reviewer = await api.as('reviewer');
      for (const body of [{ year: YEAR, minimumShare: 0 }, { year: YEAR, minimumShare: 100.5 }, { year: YEAR, minimumShare: 10.001 }, { year: 'x' }, { year: YEAR, seed: '' }]) {
        const answer = await reviewer.post('/api/rechecks', body);
        assert.equal(answer.status, 400, JSON.stringify(body));
        assert.equal(answer.body.error.code, 'VALIDATION');
      }
      const empty = await reviewer.post('/api/rechecks', { year: 2999 });
      assert.equal(empty.status, 422);
      assert.equal(empty.body.error.code, 'NOTHING_TO_DRAW');
      assert.match(empty.body.error.message, /2999/u);
    });
  });

  describe('the draw', () => {
    test('stored with seed, parameters and strata; only approved and published forms; the same as the core computes', async () => {
      const reviewer = await api.as('reviewer');
      const answer = await reviewer.post('/api/rechecks', { year: YEAR, seed: 'putuo-2030', minimumShare: 20 });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      draw = answer.body;
      drawId = draw.id;
      assert.equal(draw.seed, 'putuo-2030');
      assert.equal(draw.parameters.minimumShare, 20);
      assert.equal(draw.parameters.flagThreshold, 5);
      assert.deepEqual(draw.parameters.bands.map((b: any) => [b.key, b.from]), [['under100k', '0.00'], ['100kTo1m', '100000.00'], ['1mAndAbove', '1000000.00']]);
      assert.equal(draw.drawnBy.username, 'reviewer');

      const eligible = forms.filter((f) => f.status === 'approved' || f.status === 'published');
      // The demo's published 2021 form is another year: not in the population.
      assert.equal(draw.population, eligible.length);
      const expected = drawSample(eligible.map((f) => ({ id: f.id, unitId: api.unitId(f.unit), budgetFen: f.budgetFen })), { seed: 'putuo-2030', minimumShare: 20, bands: BUDGET_BANDS });
      assert.deepEqual(draw.evaluations.map((e: any) => e.id), expected.evaluationIds);
      assert.deepEqual(draw.strata.map((s: any) => s.evaluationIds), expected.strata.map((s) => s.drawn));
      assert.ok(draw.strata.every((s: any) => s.evaluationIds.length >= 1 && s.unit.name.length > 0 && s.bandLabel !== s.band));
      assert.equal(draw.drawn, expected.evaluationIds.length);
      assert.ok(draw.drawn * 100 >= draw.population * 20);
      const units = new Set(draw.evaluations.map((e: any) => e.unit.id));
      assert.deepEqual(units, new Set([api.unitId('office'), api.unitId('center')]));
      const first = draw.evaluations[0];
      assert.equal(first.complete, false);
      assert.ok(first.indicators.length > 0);
      assert.ok(first.indicators.every((i: any) => i.recheckScore === null && typeof i.name === 'string'));
    });

    test('the same seed draws the same sample again; the list shows both, newest first; GET by id', async () => {
      const reviewer = await api.as('reviewer');
      const again = await reviewer.post('/api/rechecks', { year: YEAR, seed: 'putuo-2030', minimumShare: 20 });
      assert.deepEqual(again.body.evaluations.map((e: any) => e.id), draw.evaluations.map((e: any) => e.id));
      const random = await reviewer.post('/api/rechecks', { year: YEAR });
      assert.equal(random.status, 201);
      assert.match(random.body.seed, /^\d{9}$/u);
      assert.equal(random.body.parameters.minimumShare, 10);
      const list = await reviewer.get(`/api/rechecks?year=${YEAR}`);
      assert.equal(list.status, 200);
      assert.equal(list.body.items.length, 3);
      assert.ok(list.body.items.every((d: any) => d.evaluations === undefined));
      assert.equal((await reviewer.get(`/api/rechecks?year=${YEAR + 1}`)).body.items.length, 0);
      const one = await reviewer.get(`/api/rechecks/${drawId}`);
      assert.equal(one.status, 200);
      assert.deepEqual(one.body, draw);
      assert.equal((await reviewer.get('/api/rechecks/no-such-draw')).status, 404);
    });

    test('a form the admin deleted is not in the population', async () => {
      const year = YEAR + 2;
      const [kept, deleted] = syntheticEvaluations({ units: 1, projectsPerUnit: 2, years: [year, year], seed: 5 }, BUILT_IN_TEMPLATES);
      const keptId = await api.evaluation('office', 'approved', kept!);
      const deletedId = await api.evaluation('office', 'approved', deleted!);
      const admin = await api.as('admin');
      assert.equal((await admin.request('DELETE', `/api/evaluations/${deletedId}`)).status, 204);
      const answer = await (await api.as('reviewer')).post('/api/rechecks', { year, minimumShare: 100 });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      assert.equal(answer.body.population, 1);
      assert.deepEqual(answer.body.evaluations.map((e: any) => e.id), [keptId]);
    });
  });

  describe('re-check scores and the report', () => {
    test('a score that differs from the self score needs a reason; scores within 0 and the weight; 404 outside the draw', async () => {
      const reviewer = await api.as('reviewer');
      const form = draw.evaluations[0];
      const differing = form.indicators.findIndex((i: any) => i.selfScore !== null && i.selfScore > 0);
      const path = `/api/rechecks/${drawId}/evaluations/${form.id}`;
      const noReason = await reviewer.put(path, { scores: [{ indicator: differing, score: 0 }] });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.code, 'VALIDATION');
      assert.deepEqual(noReason.body.error.issues.map((i: any) => i.path), ['scores[0].reason']);
      assert.match(noReason.body.error.issues[0].message, /理由/u);
      const tooHigh = await reviewer.put(path, { scores: [{ indicator: 0, score: form.indicators[0].weight + 1, reason: 'x' }] }, { headers: { 'accept-language': 'en' } });
      assert.deepEqual(tooHigh.body.error.issues.map((i: any) => i.path), ['scores[0].score']);
      assert.match(tooHigh.body.error.issues[0].message, /re-check score/u);
      const unknown = await reviewer.put(path, { scores: [{ indicator: 999, score: 0, reason: 'x' }] });
      assert.deepEqual(unknown.body.error.issues.map((i: any) => i.path), ['scores[0].indicator']);

      const notDrawn = forms.find((f) => !draw.evaluations.some((e: any) => e.id === f.id))!;
      assert.equal((await reviewer.put(`/api/rechecks/${drawId}/evaluations/${notDrawn.id}`, { scores: [{ indicator: 0, score: 0, reason: 'x' }] })).status, 404);
      assert.equal((await reviewer.put(`/api/rechecks/nope/evaluations/${form.id}`, { scores: [{ indicator: 0, score: 0, reason: 'x' }] })).status, 404);
      for (const username of ['preparer', 'approver', 'admin'] as const) {
        assert.equal((await (await api.as(username)).put(path, { scores: [{ indicator: 0, score: 0, reason: 'x' }] })).status, 403, username);
      }
      assert.equal((await reviewer.get(`/api/rechecks/${drawId}`)).body.evaluations[0].indicators.every((i: any) => i.recheckScore === null), true, 'nothing stored');
    });

    test('scores recorded beside the self scores; the gap per form and unit; flags over the threshold; XLSX; audit', async () => {
      const reviewer = await api.as('reviewer');
      const [a, b] = draw.evaluations as any[];
      // Form a: every indicator as self-scored, but the first 6 points lower (or to 0).
      const firstA = a.indicators[0];
      const lowered = Math.max(0, Math.round((firstA.selfScore - 6) * 100) / 100);
      const scoresA = a.indicators.map((i: any) => (i.index === 0 ? { indicator: 0, score: lowered, reason: '实际完成值与佐证材料不符' } : { indicator: i.index, score: i.selfScore }));
      const putA = await reviewer.put(`/api/rechecks/${drawId}/evaluations/${a.id}`, { scores: scoresA });
      assert.equal(putA.status, 200, JSON.stringify(putA.body));
      assert.equal(putA.body.complete, true);
      assert.equal(putA.body.indicators[0].recheckScore, lowered);
      assert.equal(putA.body.indicators[0].reason, '实际完成值与佐证材料不符');
      // Form b: only one indicator, as self-scored: incomplete.
      const putB = await reviewer.put(`/api/rechecks/${drawId}/evaluations/${b.id}`, { scores: [{ indicator: 0, score: b.indicators[0].selfScore }] });
      assert.equal(putB.body.complete, false);

      const gapA = Math.round((lowered - firstA.selfScore) * 100) / 100;
      const report = await reviewer.get(`/api/rechecks/${drawId}/report`);
      assert.equal(report.status, 200);
      assert.equal(report.body.threshold, 5);
      const formA = report.body.forms.find((f: any) => f.evaluationId === a.id);
      assert.equal(formA.gap, gapA);
      assert.equal(formA.flagged, Math.abs(gapA) > 5);
      assert.equal(formA.recheckTotal, Math.round((formA.selfTotal + gapA) * 100) / 100);
      assert.equal(report.body.forms.find((f: any) => f.evaluationId === b.id).complete, false);
      const unitA = report.body.units.find((u: any) => u.unit.id === a.unit.id);
      assert.equal(unitA.rechecked, 1);
      assert.equal(unitA.meanGap, gapA);
      assert.equal(unitA.maxGap, gapA);
      assert.equal(report.body.overall.drawn, draw.drawn);
      const strict = await reviewer.get(`/api/rechecks/${drawId}/report?threshold=0`);
      assert.equal(strict.body.forms.find((f: any) => f.evaluationId === a.id).flagged, gapA !== 0);

      const xlsx = await reviewer.get(`/api/rechecks/${drawId}/report.xlsx`);
      assert.equal(xlsx.status, 200);
      assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/u);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx.body) as never);
      assert.deepEqual(workbook.worksheets.map((w) => w.name), ['单位差异', '抽查表', '指标复核']);
      assert.equal(workbook.worksheets[0]!.rowCount, 2 + report.body.units.length);
      assert.equal((await (await api.as('approver')).get(`/api/rechecks/${drawId}/report.xlsx`)).status, 403);

      // Re-sending the same scores changes nothing and writes no audit entry.
      await reviewer.put(`/api/rechecks/${drawId}/evaluations/${a.id}`, { scores: scoresA });
      const audit = await reviewer.get(`/api/rechecks/${drawId}/audit`);
      assert.deepEqual(audit.body.items.map((e: any) => [e.action, e.evaluationId, e.user.username]), [
        ['draw', null, 'reviewer'], ['recheck', a.id, 'reviewer'], ['recheck', b.id, 'reviewer'],
      ]);
      assert.deepEqual(audit.body.items[0].changes.find((c: any) => c.path === 'seed'), { path: 'seed', from: null, to: 'putuo-2030' });
      assert.ok(audit.body.items[1].changes.some((c: any) => c.path === 'indicators[0].recheckReason' && c.to === '实际完成值与佐证材料不符'));
      assert.equal((await (await api.as('preparer')).get(`/api/rechecks/${drawId}/audit`)).status, 403);
    });
  });
});
