/**
 * The cycle over HTTP (issue 16), on SQLite and PostgreSQL: targets declared, returned with a
 * reason, resubmitted and approved (frozen: not editable), adjusted (目标调整) with a reason into a
 * new approved version while the old one stays readable, an adjustment rejected; the department
 * tier; monitoring submitted, returned and accepted; and a self-evaluation made from approved
 * targets whose submission TARGET_CHANGED blocks until the target is put back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Monitoring } from '../../src/core/model/monitoring.ts';
import type { Targets } from '../../src/core/model/targets.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { nationalWithIds } from '../support/cycle-fixtures.ts';
import { forEachApi, type Client } from './support/api-harness.ts';
import { act } from './support/transition.ts';
import { upload } from './support/upload.ts';
import { approvedTargets, create, freshMonitoring, freshTargets } from './support/cycle-client.ts';

async function save(client: Client, path: string, kind: 'targets' | 'monitoring', document: Targets | Monitoring) {
  const seen = await client.get(path);
  return client.put(path, { version: seen.body.version, [kind]: document });
}

forEachApi('the cycle: targets, monitoring and the self-evaluation made from targets', (api) => {
  test('targets: save, submit, return with a reason, resubmit, approve; approved is frozen', async () => {
    const preparer = await api.as('preparer');
    const approver = await api.as('approver');
    const reviewer = await api.as('reviewer');
    const document = freshTargets();
    const created = await preparer.post('/api/targets', { targets: document });
    assert.equal(created.status, 201);
    assert.deepEqual([created.body.version, created.body.findings], [1, []]);
    const path = `/api/targets/${created.body.id}`;
    assert.equal((await preparer.post('/api/targets', { targets: document })).body.error.code, 'ALREADY_EXISTS', 'one per unit, year and project');
    assert.equal((await reviewer.get(path)).status, 404, 'the bureau does not see a draft');
    assert.equal((await (await api.as('preparer2')).get(path)).status, 404, 'another unit does not see it');

    const draft = await preparer.get(path);
    assert.deepEqual([draft.body.status, draft.body.allowedActions, draft.body.targets.indicators[0].id], ['draft', ['edit', 'delete'], 'ind-1']);
    document.annualGoal = '全年按期结算';
    const saved = await preparer.put(path, { version: 1, targets: document });
    assert.deepEqual([saved.status, saved.body.version], [200, 2]);
    const stale = await preparer.put(path, { version: 1, targets: document });
    assert.deepEqual([stale.status, stale.body.error.code, stale.body.version], [409, 'VERSION_CONFLICT', 2]);

    // A weight off: the save says so, and the approver cannot submit.
    const wrong = structuredClone(document);
    wrong.indicators[0]!.weight = 11;
    const warned = await preparer.put(path, { version: 2, targets: wrong });
    assert.deepEqual(warned.body.findings.map((f: any) => [f.code, f.path]), [['WEIGHT_TOTAL', 'indicators'], ['CATEGORY_WEIGHT', 'indicators[0].weight']]);
    const refused = await act(approver, path, { action: 'submit' });
    assert.deepEqual([refused.status, refused.body.error.code, refused.body.findings[0].code], [422, 'CHECK_ERRORS', 'WEIGHT_TOTAL']);
    assert.equal((await save(preparer, path, 'targets', document)).status, 200);

    assert.deepEqual((await act(approver, path, { action: 'submit' })).body.status, 'submitted');
    assert.equal((await act(reviewer, path, { action: 'return' })).body.error.code, 'REASON_REQUIRED');
    assert.equal((await act(reviewer, path, { action: 'return', comment: '数量指标不够具体' })).body.status, 'returned');
    const returned = await preparer.get(path);
    assert.deepEqual([returned.body.returnReason, returned.body.allowedActions], ['数量指标不够具体', ['edit']]);
    document.indicators[0]!.target = '≥100%';
    assert.equal((await save(preparer, path, 'targets', document)).status, 200);
    assert.equal((await act(approver, path, { action: 'submit' })).body.status, 'submitted');
    assert.equal((await act(reviewer, path, { action: 'approve' })).body.status, 'approved');

    const approved = await preparer.get(path);
    assert.deepEqual([approved.body.status, approved.body.approvedVersion, approved.body.returnReason], ['approved', 3, null]);
    assert.deepEqual(approved.body.allowedActions, ['adjust', 'createEvaluation', 'createMonitoring']);
    const frozen = await preparer.put(path, { version: approved.body.version, targets: { ...document, annualGoal: '改' } });
    assert.deepEqual([frozen.status, frozen.body.error.code], [403, 'FORBIDDEN']);
    const versions = (await reviewer.get(`${path}/versions`)).body.items;
    assert.deepEqual(versions.map((v: any) => [v.number, v.action, v.status, v.intact]), [[1, 'submit', 'submitted', true], [2, 'submit', 'submitted', true], [3, 'approve', 'approved', true]]);
    assert.equal(versions[2].contentHash, versions[1].contentHash, 'the approve froze what was submitted');
    const audit = (await preparer.get(`${path}/audit`)).body;
    assert.deepEqual(audit.items.map((e: any) => e.action), ['create', 'edit', 'edit', 'edit', 'submit', 'return', 'edit', 'submit', 'approve']);
    assert.equal(audit.items[5].comment, '数量指标不够具体');
  });

  test('an adjustment (目标调整) with its reason, approved: a new frozen version; the old approved version stays readable', async () => {
    const id = await approvedTargets(api);
    const path = `/api/targets/${id}`;
    const preparer = await api.as('preparer');
    const reviewer = await api.as('reviewer');
    assert.equal((await act(preparer, path, { action: 'adjust' })).body.error.code, 'REASON_REQUIRED');
    assert.equal((await act(await api.as('approver'), path, { action: 'adjust', comment: 'x' })).status, 403, 'the preparer asks');
    assert.equal((await act(preparer, path, { action: 'adjust', comment: '政策调整，结算口径变化' })).body.status, 'adjusting');
    const adjusting = await preparer.get(path);
    assert.deepEqual([adjusting.body.adjustmentReason, adjusting.body.approvedVersion], ['政策调整，结算口径变化', 2]);
    const changed = adjusting.body.targets as Targets;
    changed.indicators[0]!.target = '≥95%';
    assert.equal((await save(preparer, path, 'targets', changed)).status, 200);
    assert.equal((await act(await api.as('approver'), path, { action: 'submit' })).body.status, 'submitted');
    const sent = await reviewer.get(path);
    assert.deepEqual(sent.body.allowedActions, ['return', 'approve', 'reject']);
    assert.equal((await act(reviewer, path, { action: 'approve' })).body.status, 'approved');

    const after = await preparer.get(path);
    assert.deepEqual([after.body.approvedVersion, after.body.adjustmentReason, after.body.targets.indicators[0].target], [4, null, '≥95%']);
    const versions = (await preparer.get(`${path}/versions`)).body.items;
    assert.deepEqual(versions.map((v: any) => [v.number, v.action, v.reason]), [[1, 'submit', null], [2, 'approve', null], [3, 'submit', null], [4, 'approve', '政策调整，结算口径变化']]);
    const old = await reviewer.get(`${path}/versions/2`);
    assert.deepEqual([old.status, old.body.intact, old.body.targets.indicators[0].target], [200, true, '=100%']);
    assert.equal((await reviewer.get(`${path}/versions/9`)).body.error.code, 'VERSION_NOT_FOUND');
  });

  test('an adjustment rejected with a reason: the approved version is the document again', async () => {
    const id = await approvedTargets(api);
    const path = `/api/targets/${id}`;
    const preparer = await api.as('preparer');
    const reviewer = await api.as('reviewer');
    assert.equal((await act(preparer, path, { action: 'adjust', comment: '想降低目标' })).status, 200);
    const changed = (await preparer.get(path)).body.targets as Targets;
    changed.indicators[0]!.target = '≥50%';
    assert.equal((await save(preparer, path, 'targets', changed)).status, 200);
    assert.equal((await act(await api.as('approver'), path, { action: 'submit' })).status, 200);
    assert.equal((await act(reviewer, path, { action: 'reject' })).body.error.code, 'REASON_REQUIRED');
    assert.equal((await act(reviewer, path, { action: 'reject', comment: '理由不充分' })).body.status, 'approved');
    const after = await preparer.get(path);
    assert.deepEqual([after.body.targets.indicators[0].target, after.body.approvedVersion, after.body.adjustmentReason, after.body.returnReason], ['=100%', 2, null, '理由不充分']);
    const audit = (await preparer.get(`${path}/audit`)).body.items;
    const reject = audit.at(-1);
    assert.equal(reject.action, 'reject');
    assert.ok(reject.changes.some((c: any) => c.path === 'indicators[0].target' && c.from === '≥50%' && c.to === '=100%'), JSON.stringify(reject.changes));
    assert.equal((await act(reviewer, path, { action: 'reject', comment: 'again' })).body.error.code, 'INVALID_TRANSITION');
  });

  test('with the department tier: the department forwards, then the bureau approves', async () => {
    const year = 2052;
    await repositories(api.database().db).years.set({ year, departmentReview: true, deadline: null }, new Date().toISOString(), null);
    const document = freshTargets();
    document.year = year;
    const id = await create(await api.as('preparer'), 'targets', document);
    const path = `/api/targets/${id}`;
    assert.equal((await act(await api.as('approver'), path, { action: 'submit' })).status, 200);
    assert.equal((await act(await api.as('reviewer'), path, { action: 'approve' })).body.error.code, 'INVALID_TRANSITION');
    assert.equal((await act(await api.as('department'), path, { action: 'forward' })).body.status, 'forwarded');
    assert.equal((await act(await api.as('reviewer'), path, { action: 'approve' })).body.status, 'approved');
  });

  test('monitoring: the checks on save, submission refused on an error, returned with a reason, resubmitted, accepted', async () => {
    const preparer = await api.as('preparer');
    const approver = await api.as('approver');
    const reviewer = await api.as('reviewer');
    const document = freshMonitoring();
    document.funding![0]!.expectedYearEnd = '140000.00';
    document.indicators[0]!.expectedYearEnd = '80%';
    const created = await preparer.post('/api/monitoring', { monitoring: document });
    assert.equal(created.status, 201);
    const codes = created.body.findings.map((f: any) => [f.code, f.severity, f.path]);
    assert.deepEqual(codes, [['MONITOR_EXPECTED_OVERSPEND', 'error', 'funding[0].expectedYearEnd'], ['MONITOR_OFF_TRACK', 'warning', 'indicators[0].deviationCauses'], ['MONITOR_LIKELIHOOD', 'warning', 'indicators[0].likelihood']]);
    const path = `/api/monitoring/${created.body.id}`;
    assert.equal((await act(approver, path, { action: 'submit' })).body.error.code, 'CHECK_ERRORS');

    document.funding![0]!.expectedYearEnd = '133590.00';
    document.indicators[0]!.deviationCauses = ['funding'];
    document.indicators[0]!.likelihood = 'possible';
    const saved = await save(preparer, path, 'monitoring', document);
    assert.deepEqual([saved.status, saved.body.findings], [200, []]);
    assert.equal((await act(approver, path, { action: 'submit' })).body.status, 'submitted');
    assert.equal((await act(reviewer, path, { action: 'approve' })).status, 403, 'monitoring is accepted, not approved');
    assert.equal((await act(reviewer, path, { action: 'return', comment: '偏差原因说明不足' })).body.status, 'returned');
    assert.equal((await preparer.get(path)).body.returnReason, '偏差原因说明不足');
    document.indicators[0]!.remark = '资金下半年到位';
    assert.equal((await save(preparer, path, 'monitoring', document)).status, 200);
    assert.equal((await act(approver, path, { action: 'submit' })).status, 200);
    assert.equal((await act(reviewer, path, { action: 'accept' })).body.status, 'accepted');
    const accepted = await preparer.get(path);
    assert.deepEqual([accepted.body.status, accepted.body.allowedActions], ['accepted', []]);
    assert.equal((await preparer.put(path, { version: accepted.body.version, monitoring: document })).status, 403);
    const versions = (await reviewer.get(`${path}/versions`)).body.items;
    assert.deepEqual(versions.map((v: any) => v.action), ['submit', 'submit', 'accept']);
    const list = await reviewer.get(`/api/monitoring?status=accepted&year=${document.year}`);
    assert.ok(list.body.items.some((i: any) => i.id === created.body.id));
    const one = await reviewer.get(`/api/monitoring?year=${document.year}&unit=${api.unitId('office')}&code=${document.project.code}`);
    assert.deepEqual([one.body.total, one.body.items[0].id, one.body.items[0].projectCode], [1, created.body.id, document.project.code]);
    assert.deepEqual((await (await api.as('preparer2')).get(`/api/monitoring?code=${document.project.code}`)).body.total, 0, 'another unit lists none of it');
    assert.equal((await reviewer.get(`/api/targets/${created.body.id}`)).status, 404, 'a monitoring id is not a targets id');
  });

  test('the self-evaluation made from approved targets: TARGET_CHANGED blocks submission until the target is put back', async () => {
    const targets = freshTargets();
    const targetsId = await approvedTargets(api, targets);
    const preparer = await api.as('preparer');
    const approver = await api.as('approver');
    const made = await preparer.post(`/api/targets/${targetsId}/evaluation`);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const again = await preparer.post(`/api/targets/${targetsId}/evaluation`);
    assert.deepEqual([again.status, again.body.error.code, again.body.existing.id], [409, 'ALREADY_CREATED', made.body.id]);
    assert.equal((await preparer.get(`/api/targets/${targetsId}`)).body.evaluationId, made.body.id);

    const path = `/api/evaluations/${made.body.id}`;
    const blank = await preparer.get(path);
    assert.deepEqual(blank.body.approvedTargets, { id: targetsId, version: 2 });
    assert.deepEqual(blank.body.evaluation.indicators.map((i: any) => i.id), targets.indicators.map((i) => i.id), 'indicator ids kept');
    assert.equal((await repositories(api.database().db).audit.list(made.body.id))[0]!.changes[0]!.path, 'targetsFrom');

    // The year-end figures filled in (the national example, whose targets these are), one target changed.
    const filled = nationalWithIds();
    filled.project.executionRate = '86.18';
    filled.project.code = targets.project.code;
    filled.indicators[1]!.target = '≥99%';
    assert.equal((await preparer.put(path, { version: blank.body.version, evaluation: filled })).status, 200);
    const read = await preparer.get(path);
    assert.deepEqual(read.body.findings.filter((f: any) => f.severity === 'error').map((f: any) => [f.code, f.path]), [['TARGET_CHANGED', 'indicators[1].target']]);
    const refused = await act(approver, path, { action: 'submit' });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.findings.filter((f: any) => f.severity === 'error').map((f: any) => [f.code, f.path]), [['TARGET_CHANGED', 'indicators[1].target']]);

    filled.indicators[1]!.target = targets.indicators[1]!.target;
    assert.equal((await preparer.put(path, { version: read.body.version, evaluation: filled })).status, 200);
    const submitted = await act(approver, path, { action: 'submit' });
    assert.deepEqual([submitted.status, submitted.body.status], [200, 'submitted'], JSON.stringify(submitted.body));
  });

  test('after an approved adjustment the self-evaluation answers to the new version', async () => {
    const targets = freshTargets();
    const targetsId = await approvedTargets(api, targets);
    const preparer = await api.as('preparer');
    const made = await preparer.post(`/api/targets/${targetsId}/evaluation`);
    const tpath = `/api/targets/${targetsId}`;
    assert.equal((await act(preparer, tpath, { action: 'adjust', comment: '任务量增加' })).status, 200);
    const changed = structuredClone(targets);
    changed.indicators[0]!.target = '≥95%';
    assert.equal((await save(preparer, tpath, 'targets', changed)).status, 200);
    const path = `/api/evaluations/${made.body.id}`;
    const errorsOf = async () => (await preparer.get(path)).body.findings.filter((f: any) => f.code === 'TARGET_CHANGED').map((f: any) => f.path);
    assert.deepEqual(await errorsOf(), [], 'an adjustment not yet approved changes nothing');
    assert.equal((await act(await api.as('approver'), tpath, { action: 'submit' })).status, 200);
    assert.equal((await act(await api.as('reviewer'), tpath, { action: 'approve' })).status, 200);
    assert.deepEqual(await errorsOf(), ['indicators[0].target'], 'the evaluation still has the old target');
    assert.deepEqual((await preparer.get(path)).body.approvedTargets, { id: targetsId, version: 4 });
  });

  test('待我处理 (needsMyAction): each document is in the inbox of whoever must act on it now', async () => {
    const inbox = async (who: 'preparer' | 'approver' | 'department' | 'reviewer' | 'admin', id: string) =>
      ((await (await api.as(who)).get('/api/targets?needsMyAction=1&limit=500')).body.items as any[]).some((i) => i.id === id);
    const who = async (id: string) => {
      const found = [];
      for (const role of ['preparer', 'approver', 'department', 'reviewer', 'admin'] as const) if (await inbox(role, id)) found.push(role);
      return found;
    };
    const id = await create(await api.as('preparer'), 'targets', freshTargets());
    assert.deepEqual(await who(id), ['preparer', 'approver']);
    assert.equal((await act(await api.as('approver'), `/api/targets/${id}`, { action: 'submit' })).status, 200);
    assert.deepEqual(await who(id), ['reviewer']);
    assert.equal((await act(await api.as('reviewer'), `/api/targets/${id}`, { action: 'approve' })).status, 200);
    assert.deepEqual(await who(id), []);

    const tiered = freshTargets();
    tiered.year = 2052;
    await repositories(api.database().db).years.set({ year: 2052, departmentReview: true, deadline: null }, new Date().toISOString(), null);
    const tid = await create(await api.as('preparer'), 'targets', tiered);
    assert.equal((await act(await api.as('approver'), `/api/targets/${tid}`, { action: 'submit' })).status, 200);
    assert.deepEqual(await who(tid), ['department']);
  });

  test('access before anything else: another unit’s save of an unknown template is 404, the own unit’s 400 UNKNOWN_TEMPLATE', async () => {
    const id = await create(await api.as('preparer'), 'targets', freshTargets());
    const unknown = { ...freshTargets(), template: 'no-such-template' };
    assert.equal((await (await api.as('preparer2')).put(`/api/targets/${id}`, { version: 1, targets: unknown })).status, 404);
    const own = await (await api.as('preparer')).put(`/api/targets/${id}`, { version: 1, targets: unknown });
    assert.deepEqual([own.status, own.body.error.code, own.body.error.issues[0].path], [400, 'UNKNOWN_TEMPLATE', 'targets.template']);
    assert.equal((await (await api.as('preparer')).post('/api/monitoring', { monitoring: { ...freshMonitoring(), template: 'no-such-template' } })).body.error.code, 'UNKNOWN_TEMPLATE');
  });

  test('frozen versions are append-only in the database', async () => {
    const id = await approvedTargets(api);
    const db = api.database().db;
    await assert.rejects(db.updateTable('cycle_document_versions').set({ content_hash: 'x' }).where('document_id', '=', id).execute(), /append-only/u);
    await assert.rejects(db.deleteFrom('cycle_document_versions').where('document_id', '=', id).execute(), /append-only/u);
    assert.equal((await (await api.as('preparer')).get(`/api/targets/${id}/versions`)).body.items.length, 2);
  });

  test('the same project created five times at once: one document, four 409 ALREADY_EXISTS', async () => {
    const preparer = await api.as('preparer');
    const document = freshTargets();
    const answers = await Promise.all(Array.from({ length: 5 }, () => preparer.post('/api/targets', { targets: document })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409], JSON.stringify(answers.map((a) => a.body)));
    const id = answers.find((a) => a.status === 201)!.body.id;
    for (const a of answers.filter((x) => x.status === 409)) assert.deepEqual([a.body.error.code, a.body.existing.id], ['ALREADY_EXISTS', id]);
  });

  test('the year’s set-up makes a new project’s form from its approved targets (by 项目代码) and links it; unapproved targets are passed over', async () => {
    const year = 2061;
    const approved = freshTargets();
    approved.year = year;
    const targetsId = await approvedTargets(api, approved);
    const pending = freshTargets();
    pending.year = year;
    pending.project.name = '未批复项目';
    await create(await api.as('preparer'), 'targets', pending);
    const list = upload(`单位代码,项目代码,项目名称,当年预算数,模板\n117,${approved.project.code},${approved.project.name},250000,\n117,${pending.project.code},未批复项目,1000,national-2020\n`, 'projects.csv');
    const answer = await (await api.as('admin')).request('POST', `/api/years/${year}/projects`, { rawBody: list });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual([answer.body.created, answer.body.fromTargets, answer.body.carriedOver], [2, 1, 0]);
    const items = (await (await api.as('preparer')).get(`/api/evaluations?year=${year}`)).body.items as any[];
    const made = await (await api.as('preparer')).get(`/api/evaluations/${items.find((i) => i.project === approved.project.name).id}`);
    assert.deepEqual(made.body.approvedTargets, { id: targetsId, version: 2 });
    assert.deepEqual(made.body.evaluation.indicators.map((i: any) => [i.id, i.target, i.weight]), approved.indicators.map((i) => [i.id, i.target, i.weight]));
    assert.deepEqual([made.body.evaluation.project.budgetCurrentYear, made.body.evaluation.template], ['250000.00', 'national-2020']);
    assert.ok(!made.body.findings.some((f: any) => ['TARGET_CHANGED', 'WEIGHT_CHANGED', 'INDICATOR_REMOVED'].includes(f.code)));
    const other = await (await api.as('preparer')).get(`/api/evaluations/${items.find((i) => i.project === '未批复项目').id}`);
    assert.deepEqual([other.body.approvedTargets, other.body.evaluation.indicators], [null, []]);
    assert.equal((await (await api.as('preparer')).get(`/api/targets/${targetsId}`)).body.evaluationId, made.body.id);
  });

  test('no evaluation from targets not yet approved; an evaluation made otherwise has no approved targets', async () => {
    const id = await create(await api.as('preparer'), 'targets', freshTargets());
    const refused = await (await api.as('preparer')).post(`/api/targets/${id}/evaluation`);
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'NOT_APPROVED']);
    const plain = await api.evaluation('office', 'draft');
    assert.equal((await (await api.as('preparer')).get(`/api/evaluations/${plain}`)).body.approvedTargets, null);
  });
});
