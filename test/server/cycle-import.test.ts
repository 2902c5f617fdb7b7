/**
 * Issue 16, the server's gaps, on SQLite and PostgreSQL: targets and monitoring forms uploaded
 * through POST /api/import (XLSX, PDF, interchange JSON) are previewed, never silently dropped,
 * and saved as drafts of the preparer's unit one by one (409 ALREADY_EXISTS per document, nothing
 * saved before changed); monitoring made from approved targets, as of the year's monitoring date;
 * a monitoring checked against the approved targets; a draft deleted by its preparer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Monitoring } from '../../src/core/model/monitoring.ts';
import type { Targets } from '../../src/core/model/targets.ts';
import { writeCycleWorkbook } from '../../src/export/cycle/cycle-workbook.ts';
import { renderCyclePdf } from '../../src/export/cycle/render-cycle-pdf.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { nationalMonitoring } from '../support/cycle-fixtures.ts';
import { forEachApi } from './support/api-harness.ts';
import { act } from './support/transition.ts';
import { approvedTargets, create, freshMonitoring, freshTargets as freshOwnTargets } from './support/cycle-client.ts';
import { upload } from './support/upload.ts';

/** A project of its own, of `year` when given. */
function freshTargets(year?: number): Targets {
  const t = freshOwnTargets();
  if (year !== undefined) t.year = year;
  return t;
}

const approved = approvedTargets;

const json = (value: unknown, name: string) => upload(JSON.stringify(value, null, 2), name);

forEachApi('the cycle, server gaps: web import, monitoring from targets, the monitoring date, deletion', (api) => {
  const cycleCount = async () => (await api.database().db.selectFrom('cycle_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  test('an XLSX of targets declarations: previewed as targets (not "no forms"), the one the unit has marked; nothing saved', async () => {
    const preparer = await api.as('preparer');
    // The national declaration prints no 项目代码: the projects are told apart by their names.
    const [kept, fresh] = [freshTargets(), freshTargets()].map((t) => {
      delete t.project.code;
      t.project.name = `导入项目${crypto.randomUUID().slice(0, 8)}`;
      return t;
    }) as [Targets, Targets];
    const keptId = await create(preparer, 'targets', kept);
    const before = Number(await cycleCount());
    const bytes = await writeCycleWorkbook({ kind: 'targets', documents: [kept, fresh] });
    const answer = await preparer.request('POST', '/api/import?lang=en', { rawBody: upload(bytes, '申报表.xlsx') });
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 500));
    assert.deepEqual(answer.body.forms, []);
    assert.equal(answer.body.cycle.kind, 'targets');
    const documents = answer.body.cycle.documents;
    assert.deepEqual(documents.map((d: any) => d.document.project.name), [kept.project.name, fresh.project.name]);
    assert.deepEqual(documents.map((d: any) => d.existing?.id ?? null), [keptId, null]);
    assert.deepEqual(documents.map((d: any) => d.findings), [[], []]);
    // A client that shows only the diagnostics still says what the file held.
    assert.deepEqual(answer.body.diagnostics.map((d: any) => [d.severity, d.code, d.message]), [
      ['info', 'CYCLE_DOCUMENTS', 'The file holds 2 performance targets declaration(s) (绩效目标申报表), not self-evaluations: they are saved as targets drafts'],
    ]);
    assert.ok(documents.every((d: any) => typeof d.start === 'string' && d.start !== ''));
    assert.equal(Number(await cycleCount()), before);
    // An evaluation upload says it has no cycle documents.
    const text = await preparer.request('POST', '/api/import', { rawBody: upload('hello, this is not a form\n', 'note.txt') });
    assert.equal(text.body.cycle, null);
  });

  test('a PDF of monitoring forms: previewed with its checks (an indicator off track, no cause given)', async () => {
    const m = freshMonitoring();
    m.indicators[0]!.expectedYearEnd = '50%';
    m.indicators[0]!.likelihood = 'possible';
    const bytes = await renderCyclePdf({ kind: 'monitoring', documents: [m] });
    const answer = await (await api.as('preparer')).request('POST', '/api/import?lang=en', { rawBody: upload(bytes, '监控表.pdf') });
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 500));
    assert.equal(answer.body.cycle.kind, 'monitoring');
    assert.equal(answer.body.cycle.documents.length, 1);
    const [document] = answer.body.cycle.documents;
    assert.equal(document.document.asOf, m.asOf);
    assert.deepEqual(document.findings.map((f: any) => [f.code, f.path]), [['MONITOR_OFF_TRACK', 'indicators[0].deviationCauses']]);
  });

  test('an interchange JSON file: good documents read, a bad one reported at its path; JSON that is not one is said so', async () => {
    const preparer = await api.as('preparer');
    const bad = freshTargets() as any;
    bad.indicators[2].weight = 'ten';
    const answer = await preparer.request('POST', '/api/import?lang=en', { rawBody: json({ targets: [freshTargets(), bad, freshTargets()] }, 'targets.json') });
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 500));
    assert.deepEqual(answer.body.cycle.documents.map((d: any) => d.start), ['targets[0]', 'targets[2]']);
    assert.deepEqual(answer.body.diagnostics.map((d: any) => [d.severity, d.code, d.location, d.path]), [
      ['error', 'SCHEMA_INVALID', 'targets[1]', 'targets[1].indicators[2].weight'],
      ['info', 'CYCLE_DOCUMENTS', null, null],
    ]);

    const other = await preparer.request('POST', '/api/import?lang=en', { rawBody: json({ hello: [] }, 'other.json') });
    assert.deepEqual([other.status, other.body.forms, other.body.cycle], [200, [], null]);
    assert.deepEqual(other.body.diagnostics.map((d: any) => [d.severity, d.code]), [['error', 'NOT_INTERCHANGE']]);
    const broken = await preparer.request('POST', '/api/import?lang=en', { rawBody: upload('{"targets": [', 'broken.json') });
    assert.deepEqual(broken.body.diagnostics.map((d: any) => [d.severity, d.code]), [['error', 'NOT_INTERCHANGE']]);
  });

  test('saving an import: each document on its own, 409 ALREADY_EXISTS and 400 reported per document, nothing saved before changed', async () => {
    const preparer = await api.as('preparer');
    const kept = freshTargets();
    const keptId = await create(preparer, 'targets', kept);
    const before = await repositories(api.database().db).cycle.get(keptId);
    const changed = structuredClone(kept);
    changed.annualGoal = '导入的另一个版本';
    const invalid = freshTargets() as any;
    invalid.indicators[0].weight = 'ten';
    const fresh = freshTargets();
    const saved = await preparer.post('/api/import/cycle?lang=en', { kind: 'targets', documents: [fresh, changed, invalid] });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.created, 1);
    const [made, exists, wrong] = saved.body.results;
    assert.deepEqual([made.index, made.status, made.error], [0, 201, null]);
    assert.deepEqual([exists.status, exists.error.code, exists.existing.id, exists.id], [409, 'ALREADY_EXISTS', keptId, null]);
    assert.deepEqual([wrong.status, wrong.error.code, wrong.error.issues.map((i: any) => i.path)], [400, 'VALIDATION', ['documents[2].indicators[0].weight']]);
    const after = await repositories(api.database().db).cycle.get(keptId);
    assert.deepEqual([after?.version, after?.contentHash], [before?.version, before?.contentHash], 'the unit’s document is as it was');
    const draft = await preparer.get(`/api/targets/${made.id}`);
    assert.deepEqual([draft.body.status, draft.body.unit.id, draft.body.targets.project.code], ['draft', api.unitId('office'), fresh.project.code]);

    assert.equal((await (await api.as('reviewer')).post('/api/import/cycle', { kind: 'targets', documents: [freshTargets()] })).status, 403);
    assert.equal((await preparer.post('/api/import/cycle', { kind: 'targets', documents: [] })).status, 400);
  });

  test('a form read back from its XLSX (no 项目代码 printed) finds the document saved with a code: marked as the unit\'s, saving it is 409, never a second document', async () => {
    const preparer = await api.as('preparer');
    const kept = freshTargets();
    kept.project.name = `回读项目${crypto.randomUUID().slice(0, 8)}`;
    assert.ok(kept.project.code, 'the saved document has a code');
    const keptId = await create(preparer, 'targets', kept);
    const printed = structuredClone(kept);
    delete printed.project.code;
    const answer = await preparer.request('POST', '/api/import?lang=en', { rawBody: upload(await writeCycleWorkbook({ kind: 'targets', documents: [printed] }), '申报表.xlsx') });
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 500));
    assert.deepEqual(answer.body.cycle.documents.map((d: any) => d.existing?.id ?? null), [keptId]);
    const before = Number(await cycleCount());
    const saved = await preparer.post('/api/import/cycle?lang=en', { kind: 'targets', documents: [printed] });
    assert.deepEqual([saved.body.results[0].status, saved.body.results[0].existing?.id], [409, keptId]);
    assert.equal(Number(await cycleCount()), before);
    // A coded document of another project of the same name is still another project.
    const other = structuredClone(kept);
    other.project.code = `${kept.project.code}-B`;
    assert.equal((await preparer.post('/api/targets', { targets: other })).status, 201);
  });

  test('monitoring from approved targets: the indicator table with ids, the budgets, the as-of date; once; not before approval', async () => {
    const preparer = await api.as('preparer');
    const targets = freshTargets();
    const id = await approved(api, targets);
    const made = await preparer.post(`/api/targets/${id}/monitoring?lang=en`);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const monitoring = (await preparer.get(`/api/monitoring/${made.body.id}`)).body;
    assert.deepEqual([monitoring.status, monitoring.unit.id], ['draft', api.unitId('office')]);
    const m = monitoring.monitoring as Monitoring;
    assert.equal(m.asOf, `${targets.year}-07-31`);
    assert.deepEqual(m.indicators.map(({ id: i, category, subcategory, name, target }) => ({ id: i, category, subcategory, name, target })), targets.indicators.map(({ id: i, category, subcategory, name, target }) => ({ id: i, category, subcategory, name, target })));
    assert.deepEqual(m.funding!.map((f) => [f.source, f.budget]), targets.funding!.map((f) => [f.source, f.budget]));
    assert.deepEqual([m.project.code, m.project.name, m.year], [targets.project.code, targets.project.name, targets.year]);
    assert.ok(!monitoring.findings.some((f: any) => ['TARGET_CHANGED', 'INDICATOR_REMOVED', 'INDICATOR_ADDED'].includes(f.code)), JSON.stringify(monitoring.findings));
    const audit = (await preparer.get(`/api/monitoring/${made.body.id}/audit`)).body.items;
    assert.deepEqual(audit.map((e: any) => [e.action, e.changes[0]?.path, e.changes[0]?.to]), [['create', 'targetsFrom', id]]);

    const again = await preparer.post(`/api/targets/${id}/monitoring?lang=en`);
    assert.deepEqual([again.status, again.body.error.code, again.body.existing.id], [409, 'ALREADY_CREATED', made.body.id]);
    assert.match(again.body.error.message, /monitoring/u);
    const unapproved = await create(preparer, 'targets', freshTargets());
    const refused = await preparer.post(`/api/targets/${unapproved}/monitoring`);
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'NOT_APPROVED']);
    assert.equal((await (await api.as('approver')).post(`/api/targets/${id}/monitoring`)).status, 403);
  });

  test('the bureau’s monitoring date of the year: validated, kept when left out, the as-of date of monitoring made from targets', async () => {
    const admin = await api.as('admin');
    const year = 2031;
    const put = (body: unknown) => admin.put(`/api/years/${year}?lang=en`, body);
    for (const wrong of ['02-30', '2030-06-30', '13-01']) {
      const refused = await put({ departmentReview: false, deadline: null, monitoringAsOf: wrong });
      assert.deepEqual([refused.status, refused.body.error.code], [422, 'INVALID_MONITORING_DATE'], wrong);
    }
    assert.equal((await put({ departmentReview: false, deadline: null, monitoringAsOf: '7/31' })).status, 400);
    assert.equal((await put({ departmentReview: false, deadline: null, monitoringAsOf: '06-30' })).body.monitoringAsOf, '06-30');
    const kept = await put({ departmentReview: false, deadline: '2031-12-31' });
    assert.deepEqual([kept.status, kept.body.monitoringAsOf, kept.body.deadline], [200, '06-30', '2031-12-31']);
    assert.equal((await admin.get(`/api/years/${year}`)).body.monitoringAsOf, '06-30');
    assert.equal((await (await api.as('reviewer')).put(`/api/years/${year}`, { departmentReview: false, deadline: null, monitoringAsOf: '06-30' })).status, 403);

    const id = await approved(api, freshTargets(year));
    const made = await (await api.as('preparer')).post(`/api/targets/${id}/monitoring`);
    assert.equal((await (await api.as('preparer')).get(`/api/monitoring/${made.body.id}`)).body.monitoring.asOf, '2031-06-30');
    assert.equal((await put({ departmentReview: false, deadline: null, monitoringAsOf: '2031-09-30' })).body.monitoringAsOf, '2031-09-30');
    const later = await approved(api, freshTargets(year));
    const second = await (await api.as('preparer')).post(`/api/targets/${later}/monitoring`);
    assert.equal((await (await api.as('preparer')).get(`/api/monitoring/${second.body.id}`)).body.monitoring.asOf, '2031-09-30');
  });

  test('a monitoring against the project’s approved targets: a target changed or an indicator dropped is an error that blocks submission', async () => {
    const preparer = await api.as('preparer');
    const targets = freshTargets();
    const targetsId = await approved(api, targets);
    const m = nationalMonitoring(`${targets.year}-07-31`, targets.year);
    m.project.code = targets.project.code;
    m.indicators[1]!.target = '≥1';
    m.indicators.splice(3, 1);
    const created = await preparer.post('/api/monitoring?lang=en', { monitoring: m });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const codes = created.body.findings.map((f: any) => [f.code, f.path, f.severity]);
    assert.deepEqual(codes.filter((c: any) => ['TARGET_CHANGED', 'INDICATOR_REMOVED', 'INDICATOR_ADDED', 'WEIGHT_CHANGED'].includes(c[0])), [
      ['TARGET_CHANGED', 'indicators[1].target', 'error'],
      ['INDICATOR_REMOVED', 'indicators', 'error'],
    ]);
    const refused = await act(await api.as('approver'), `/api/monitoring/${created.body.id}`, { action: 'submit' });
    assert.deepEqual([refused.status, refused.body.error.code], [422, 'CHECK_ERRORS']);
    // Another unit's targets of the same project are not this unit's: its monitoring is not compared with them.
    const other = nationalMonitoring(`${targets.year}-07-31`, targets.year);
    other.project.code = targets.project.code;
    other.indicators[1]!.target = '≥1';
    const elsewhere = await (await api.as('preparer2')).post('/api/monitoring', { monitoring: other });
    assert.ok(!elsewhere.body.findings.some((f: any) => f.code === 'TARGET_CHANGED'), JSON.stringify(elsewhere.body.findings));
    assert.ok(targetsId);
  });

  test('a draft deleted by its unit’s preparer: gone from lists and reads, audited, the project declared again; nothing else deletes', async () => {
    const preparer = await api.as('preparer');
    for (const kind of ['targets', 'monitoring'] as const) {
      const document = kind === 'targets' ? freshTargets() : freshMonitoring();
      const id = await create(preparer, kind, document);
      assert.equal((await (await api.as('approver')).request('DELETE', `/api/${kind}/${id}`)).status, 403);
      assert.equal((await (await api.as('preparer2')).request('DELETE', `/api/${kind}/${id}`)).status, 404);
      assert.equal((await (await api.as('admin')).request('DELETE', `/api/${kind}/${id}`)).status, 403);
      assert.equal((await preparer.request('DELETE', `/api/${kind}/${id}`)).status, 204);
      assert.equal((await preparer.get(`/api/${kind}/${id}`)).status, 404);
      assert.equal((await preparer.request('DELETE', `/api/${kind}/${id}`)).status, 404);
      const list = (await preparer.get(`/api/${kind}?code=${document.project.code}`)).body;
      assert.deepEqual([list.items, list.total], [[], 0]);
      const audit = await repositories(api.database().db).cycle.audit(id, { limit: 10, offset: 0 });
      assert.deepEqual(audit.map((e) => e.action), ['create', 'delete']);
      assert.ok(await create(preparer, kind, document), 'declared again');

      const sent = await create(preparer, kind, kind === 'targets' ? freshTargets() : freshMonitoring());
      assert.equal((await act(await api.as('approver'), `/api/${kind}/${sent}`, { action: 'submit' })).status, 200);
      const refused = await preparer.request('DELETE', `/api/${kind}/${sent}`);
      assert.deepEqual([refused.status, refused.body.error.code], [409, 'INVALID_TRANSITION']);
    }
  });
});
