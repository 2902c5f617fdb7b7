/**
 * Rectification items (整改, issue 17) over HTTP on both databases: raised by the reviewer or the
 * department on a sent form, answered by the unit with its evidence, sent back, answered again and
 * accepted; overdue on the injected clock (the bureau's day in Asia/Shanghai); lists filtered, paged
 * and counted; the XLSX read back; the earlier years' reminder; every access rule (a refused request
 * changes nothing); 409 and 422 naming the field; the audit log.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { withIndicatorIds } from '../../src/core/lineage/indicator-ids.ts';
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import type { Status } from '../../src/core/workflow/workflow.ts';
import { columnsOf } from '../../src/storage/evaluation-columns.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { RectificationService } from '../../src/server/services/rectification-service.ts';
import { ApiError } from '../../src/server/api-error.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi, type Api, type Client, type UnitKey, type Username } from './support/api-harness.ts';

const YEAR = 2030;
/** 10:00 in Shanghai on 2031-03-01 (02:00 UTC): the bureau's today is 2031-03-01. */
const T0 = Date.parse('2031-03-01T02:00:00Z');
let clock = T0;

/** A form of the unit with indicator ids, a project name and code of its own (or as given), in the status. */
async function form(api: Api, unit: UnitKey, status: Status, options: { year?: number; project?: string; code?: string | null } = {}): Promise<{ id: string; document: Evaluation }> {
  const document = withIndicatorIds(seedEvaluations()[unit === 'office' ? 0 : 2]!, undefined, () => crypto.randomUUID());
  document.year = options.year ?? YEAR;
  document.project.name = options.project ?? `整改测试${crypto.randomUUID().slice(0, 6)}`;
  if (options.code === null) delete document.project.code;
  else document.project.code = options.code ?? `C${crypto.randomUUID().slice(0, 8)}`;
  return { id: await api.evaluation(unit, status, document), document };
}

const raiseBody = (extra: Record<string, unknown> = {}) => ({ problem: '目标值设置偏低', requirement: '按实际产出重新设定目标值', dueDate: '2031-03-31', ...extra });

async function itemRow(api: Api, id: string) {
  return api.database().db.selectFrom('rectification_items').select(['status', 'version', 'measures', 'send_back_reason']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** Sessions of this file, logged in on the clock as it is: a login at a later time ends the sessions idle since (auth-service). */
const sessions = new Map<string, Promise<Client>>();
const as = (username: Username, api: Api) => {
  const key = `${api.dialect} ${username}`;
  return sessions.get(key) ?? sessions.set(key, api.login(username)).get(key)!;
};

/** Runs `work` with the clock at `time` (fresh sessions then, and again after). */
async function at<T>(time: string, work: () => Promise<T>): Promise<T> {
  clock = Date.parse(time);
  sessions.clear();
  try {
    return await work();
  } finally {
    clock = T0;
    sessions.clear();
  }
}

forEachApi('rectification items', (api) => {
  const as_ = (username: Username) => as(username, api);

  describe('the workflow', () => {
    let formId: string;
    let document: Evaluation;
    let itemId: string;
    let fileId: string;

    before(async () => {
      ({ id: formId, document } = await form(api, 'office', 'submitted'));
      // An evidence file of the form (the answer cites it) and one of another form (it may not).
      fileId = await evidence(api, formId);
    });

    test('the reviewer raises an item on an indicator: 201, open, the indicator named, the actions each user has', async () => {
      const indicator = document.indicators[2]!;
      const raised = await (await as_('reviewer')).post(`/api/evaluations/${formId}/rectifications`, raiseBody({ indicator: indicator.id }));
      assert.equal(raised.status, 201, JSON.stringify(raised.body));
      itemId = raised.body.id;
      assert.equal(raised.body.status, 'open');
      assert.equal(raised.body.version, 1);
      assert.equal(raised.body.overdue, false);
      assert.deepEqual(raised.body.indicator, { id: indicator.id, name: indicator.name });
      assert.equal(raised.body.project, document.project.name);
      assert.equal(raised.body.projectCode, document.project.code);
      assert.equal(raised.body.unit.id, api.unitId('office'));
      assert.equal(raised.body.raisedBy.username, 'reviewer');
      assert.equal(raised.body.raisedAt, new Date(T0).toISOString());
      assert.deepEqual(raised.body.allowedActions, []);
      for (const [username, actions] of [['preparer', ['answer']], ['approver', ['answer']], ['department', []], ['admin', []]] as const) {
        const seen = await (await as_(username)).get(`/api/rectifications/${itemId}`);
        assert.equal(seen.status, 200, username);
        assert.deepEqual(seen.body.allowedActions, actions, username);
      }
      assert.equal((await (await as_('preparer2')).get(`/api/rectifications/${itemId}`)).status, 404);
    });

    test('on the form: its items, and whether the user may raise one', async () => {
      for (const [username, mayRaise] of [['reviewer', true], ['department', true], ['preparer', false], ['approver', false], ['admin', false]] as const) {
        const answer = await (await as_(username)).get(`/api/evaluations/${formId}/rectifications`);
        assert.equal(answer.status, 200, username);
        assert.deepEqual(answer.body.items.map((i: any) => i.id), [itemId], username);
        assert.deepEqual(answer.body.earlier, []);
        assert.equal(answer.body.mayRaise, mayRaise, username);
      }
      assert.equal((await (await as_('preparer2')).get(`/api/evaluations/${formId}/rectifications`)).status, 404);
      assert.equal((await api.anonymous().get(`/api/evaluations/${formId}/rectifications`)).status, 401);
    });

    test('accept or send back an open item: 409 RECTIFICATION_STATUS, nothing changes', async () => {
      const reviewer = await as_('reviewer');
      for (const [path, body] of [['accept', {}], ['send-back', { reason: '不够' }]] as const) {
        const answer = await reviewer.post(`/api/rectifications/${itemId}/${path}`, body);
        assert.equal(answer.status, 409, path);
        assert.equal(answer.body.error.code, 'RECTIFICATION_STATUS');
      }
      assert.deepEqual(await itemRow(api, itemId), { status: 'open', version: 1, measures: null, send_back_reason: null });
    });

    test('who may not answer: 403 (department, reviewer, admin) or 404 (another unit); nothing changes', async () => {
      for (const [username, status] of [['department', 403], ['reviewer', 403], ['admin', 403], ['preparer2', 404], ['approver2', 404]] as const) {
        const answer = await (await as_(username)).post(`/api/rectifications/${itemId}/answer`, { measures: '已整改', evidence: [] });
        assert.equal(answer.status, status, username);
      }
      assert.equal((await api.anonymous().post(`/api/rectifications/${itemId}/answer`, { measures: '已整改' })).status, 401);
      assert.deepEqual(await itemRow(api, itemId), { status: 'open', version: 1, measures: null, send_back_reason: null });
    });

    test('an answer citing evidence that is not the form’s, or removed: 422 naming evidence[i]; an empty measures: 400', async () => {
      const preparer = await as_('preparer');
      const { id: otherForm } = await form(api, 'office', 'submitted');
      const elsewhere = await evidence(api, otherForm);
      const removed = await evidence(api, formId);
      await repositories(api.database().db).evidence.remove(removed, new Date().toISOString(), (await as_('preparer')).user.id);
      const answer = await preparer.post(`/api/rectifications/${itemId}/answer`, { measures: '已整改', evidence: [fileId, elsewhere, removed, 'nope'] });
      assert.equal(answer.status, 422);
      assert.equal(answer.body.error.code, 'RECTIFICATION_INVALID');
      assert.deepEqual(answer.body.error.issues.map((i: any) => i.path), ['evidence[1]', 'evidence[2]', 'evidence[3]']);
      assert.match(answer.body.error.issues[2].message, /nope/u);
      const empty = await preparer.post(`/api/rectifications/${itemId}/answer`, { measures: '   ' });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.issues[0].path, 'measures');
      assert.deepEqual(await itemRow(api, itemId), { status: 'open', version: 1, measures: null, send_back_reason: null });
    });

    test('the preparer answers with the measures and the form’s evidence: answered; a stale version is 409', async () => {
      const preparer = await as_('preparer');
      const stale = await preparer.post(`/api/rectifications/${itemId}/answer`, { measures: '已整改', evidence: [], version: 7 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'RECTIFICATION_CONFLICT');
      assert.equal(stale.body.version, 1);
      const answer = await preparer.post(`/api/rectifications/${itemId}/answer`, { measures: '已按实际产出调整目标值', evidence: [fileId], version: 1 });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.status, 'answered');
      assert.equal(answer.body.version, 2);
      assert.deepEqual(answer.body.evidence, [{ id: fileId, fileName: 'answer.pdf' }]);
      assert.equal(answer.body.answeredBy.username, 'preparer');
      assert.deepEqual(answer.body.allowedActions, []);
      const again = await preparer.post(`/api/rectifications/${itemId}/answer`, { measures: 'x' });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'RECTIFICATION_STATUS');
      assert.deepEqual((await (await as_('reviewer')).get(`/api/rectifications/${itemId}`)).body.allowedActions, ['accept', 'send-back']);
      assert.deepEqual((await (await as_('department')).get(`/api/rectifications/${itemId}`)).body.allowedActions, ['accept', 'send-back']);
    });

    test('units and the admin may not accept or send back (403); a send-back needs a reason (400)', async () => {
      for (const username of ['preparer', 'approver', 'admin'] as const) {
        const client = await as_(username);
        assert.equal((await client.post(`/api/rectifications/${itemId}/accept`, {})).status, 403, username);
        assert.equal((await client.post(`/api/rectifications/${itemId}/send-back`, { reason: 'x' })).status, 403, username);
      }
      const noReason = await (await as_('reviewer')).post(`/api/rectifications/${itemId}/send-back`, { reason: ' ' });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.issues[0].path, 'reason');
      assert.equal((await itemRow(api, itemId)).status, 'answered');
    });

    test('the reviewer sends it back with a reason: open again; the preparer answers again; the department accepts: closed', async () => {
      const back = await (await as_('reviewer')).post(`/api/rectifications/${itemId}/send-back`, { reason: '佐证材料不足', version: 2 });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.equal(back.body.status, 'open');
      assert.equal(back.body.sendBackReason, '佐证材料不足');
      // The measures typed stay (the unit edits them in its next answer).
      assert.equal(back.body.measures, '已按实际产出调整目标值');
      const again = await (await as_('approver')).post(`/api/rectifications/${itemId}/answer`, { measures: '补充了佐证材料', evidence: [fileId, fileId] });
      assert.equal(again.status, 200);
      assert.equal(again.body.status, 'answered');
      assert.deepEqual(again.body.evidence.map((e: any) => e.id), [fileId]);
      const stale = await (await as_('department')).post(`/api/rectifications/${itemId}/accept`, { version: 3 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'RECTIFICATION_CONFLICT');
      const accepted = await (await as_('department')).post(`/api/rectifications/${itemId}/accept`, { comment: '同意销号', version: 4 });
      assert.equal(accepted.status, 200);
      assert.equal(accepted.body.status, 'closed');
      assert.equal(accepted.body.closedBy.username, 'department');
      assert.deepEqual(accepted.body.allowedActions, []);
      assert.equal((await (await as_('reviewer')).post(`/api/rectifications/${itemId}/send-back`, { reason: 'x' })).status, 409);
    });

    test('the audit log: every step with who, the comment or reason and the fields changed', async () => {
      const audit = await (await as_('preparer')).get(`/api/rectifications/${itemId}/audit`);
      assert.equal(audit.status, 200);
      assert.equal(audit.body.total, 5);
      assert.deepEqual(audit.body.items.map((e: any) => [e.action, e.user.username, e.comment]), [
        ['raise', 'reviewer', null], ['answer', 'preparer', null], ['send-back', 'reviewer', '佐证材料不足'], ['answer', 'approver', null], ['accept', 'department', '同意销号'],
      ]);
      assert.deepEqual(audit.body.items[0].changes.dueDate, { from: null, to: '2031-03-31' });
      assert.deepEqual(audit.body.items[1].changes.status, { from: 'open', to: 'answered' });
      assert.deepEqual(audit.body.items[1].changes.evidence, { from: [], to: [fileId] });
      assert.deepEqual(audit.body.items[3].changes.measures, { from: '已按实际产出调整目标值', to: '补充了佐证材料' });
      assert.deepEqual(audit.body.items[4].changes.status, { from: 'answered', to: 'closed' });
      const page = await (await as_('reviewer')).get(`/api/rectifications/${itemId}/audit?limit=2&offset=4`);
      assert.deepEqual(page.body.items.map((e: any) => e.action), ['accept']);
      assert.equal((await (await as_('preparer2')).get(`/api/rectifications/${itemId}/audit`)).status, 404);
    });
  });

  describe('raising: who, on what, and what is refused', () => {
    test('the department raises on its units’ forms (the centre below it); preparers, approvers and the admin: 403; other units: 404; nothing is written', async () => {
      const { id: centre } = await form(api, 'center', 'approved');
      const department = await (await as_('department')).post(`/api/evaluations/${centre}/rectifications`, raiseBody());
      assert.equal(department.status, 201, JSON.stringify(department.body));
      assert.equal(department.body.indicator, null);
      const { id: office } = await form(api, 'office', 'published');
      for (const [username, status] of [['preparer', 403], ['approver', 403], ['admin', 403], ['preparer2', 404], ['approver2', 404]] as const) {
        assert.equal((await (await as_(username)).post(`/api/evaluations/${office}/rectifications`, raiseBody())).status, status, username);
      }
      assert.equal((await api.anonymous().post(`/api/evaluations/${office}/rectifications`, raiseBody())).status, 401);
      const outside = await otherDepartmentForm(api);
      assert.equal((await (await as_('department')).post(`/api/evaluations/${outside}/rectifications`, raiseBody())).status, 404);
      assert.equal((await (await as_('reviewer')).post(`/api/evaluations/${outside}/rectifications`, raiseBody())).status, 201);
      const written = await api.database().db.selectFrom('rectification_items').select('id').where('evaluation_id', '=', office).execute();
      assert.deepEqual(written, []);
    });

    test('a draft is not seen by the bureau (404); a returned form never submitted: 409 FORM_NOT_SUBMITTED; once submitted, returned is fine', async () => {
      const reviewer = await as_('reviewer');
      const { id: draft } = await form(api, 'office', 'draft');
      assert.equal((await reviewer.post(`/api/evaluations/${draft}/rectifications`, raiseBody())).status, 404);
      const { id: returned } = await form(api, 'office', 'returned');
      const refused = await reviewer.post(`/api/evaluations/${returned}/rectifications`, raiseBody());
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'FORM_NOT_SUBMITTED');
      assert.equal((await reviewer.get(`/api/evaluations/${returned}/rectifications`)).body.mayRaise, false);
      const stored = (await repositories(api.database().db).evaluations.get(returned))!;
      await repositories(api.database().db).versions.insert({
        evaluationId: returned, number: 1, action: 'submit', status: 'submitted', document: stored.document, contentHash: 'x', userId: reviewer.user.id, at: new Date().toISOString(),
      });
      assert.equal((await reviewer.post(`/api/evaluations/${returned}/rectifications`, raiseBody())).status, 201);
    });

    test('a deleted form: 404 to the bureau', async () => {
      const { id } = await form(api, 'office', 'approved');
      await api.database().db.updateTable('evaluations').set({ deleted_at: new Date().toISOString() }).where('id', '=', id).execute();
      assert.equal((await (await as_('reviewer')).post(`/api/evaluations/${id}/rectifications`, raiseBody())).status, 404);
    });

    test('422 naming the field: an indicator not of the form, a draw that did not draw it, a due date before the bureau’s today', async () => {
      const reviewer = await as_('reviewer');
      const { id } = await form(api, 'office', 'approved', { year: 2044 });
      const answer = await reviewer.post(`/api/evaluations/${id}/rectifications`, raiseBody({ indicator: 'no-such-indicator', recheckDraw: 'no-such-draw', dueDate: '2031-02-28' }));
      assert.equal(answer.status, 422);
      assert.equal(answer.body.error.code, 'RECTIFICATION_INVALID');
      assert.deepEqual(answer.body.error.issues.map((i: any) => i.path), ['indicator', 'recheckDraw', 'dueDate']);
      assert.match(answer.body.error.message, /indicator, recheckDraw, dueDate/u);
      assert.match(answer.body.error.issues[2].message, /2031-03-01/u);
      // Not a day at all: 400 from the schema.
      for (const dueDate of ['2031-02-30', '2031-13-45', '2031-00-10', '31-03-01', '2031-3-1']) {
        const bad = await reviewer.post(`/api/evaluations/${id}/rectifications`, raiseBody({ dueDate }));
        assert.equal(bad.status, 400, dueDate);
        assert.equal(bad.body.error.issues[0].path, 'dueDate');
      }
      // Today is fine; a draw that drew the form is fine.
      const drawn = await reviewer.post('/api/rechecks', { year: 2044, seed: 'rect', minimumShare: 100 });
      assert.equal(drawn.status, 201, JSON.stringify(drawn.body));
      const ok = await reviewer.post(`/api/evaluations/${id}/rectifications`, raiseBody({ recheckDraw: drawn.body.id, dueDate: '2031-03-01' }));
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(ok.body.recheckDraw, drawn.body.id);
      const { id: notDrawn } = await form(api, 'office', 'approved', { year: 2045 });
      const refused = await reviewer.post(`/api/evaluations/${notDrawn}/rectifications`, raiseBody({ recheckDraw: drawn.body.id }));
      assert.deepEqual(refused.body.error.issues.map((i: any) => i.path), ['recheckDraw']);
    });

    test('the bureau’s today is Shanghai’s: at 17:00 UTC it is already the next day there', async () => {
      await at('2031-03-01T17:00:00Z', async () => {
        const reviewer = await as_('reviewer');
        const { id } = await form(api, 'office', 'approved');
        const answer = await reviewer.post(`/api/evaluations/${id}/rectifications`, raiseBody({ dueDate: '2031-03-01' }));
        assert.equal(answer.status, 422);
        assert.match(answer.body.error.issues[0].message, /2031-03-02/u);
      });
    });
  });

  describe('lists, overdue, totals, the export', () => {
    const LIST_YEAR = 2032;
    const ids: Record<string, string> = {};

    before(async () => {
      const reviewer = await as_('reviewer');
      // Office: three items due in March (one of them answered, one closed); centre: two, one due at once.
      const raise = async (unit: UnitKey, key: string, dueDate: string, problem = '问题') => {
        const { id } = await form(api, unit, 'approved', { year: LIST_YEAR });
        const answer = await reviewer.post(`/api/evaluations/${id}/rectifications`, raiseBody({ dueDate, problem }));
        assert.equal(answer.status, 201, JSON.stringify(answer.body));
        ids[key] = answer.body.id;
      };
      await raise('office', 'officeOpen', '2031-03-05', '=1+1');
      await raise('office', 'officeAnswered', '2031-03-03');
      await raise('office', 'officeClosed', '2031-03-02');
      await raise('center', 'centerOpen', '2031-03-01');
      await raise('center', 'centerLate', '2031-03-20');
      await (await as_('preparer')).post(`/api/rectifications/${ids.officeAnswered}/answer`, { measures: '已整改' });
      await (await as_('preparer')).post(`/api/rectifications/${ids.officeClosed}/answer`, { measures: '已整改' });
      await reviewer.post(`/api/rectifications/${ids.officeClosed}/accept`, {});
    });

    const list = async (client: Client, query: string) => {
      const answer = await client.get(`/api/rectifications?year=${LIST_YEAR}${query}`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body;
    };
    const names = (body: any) => body.items.map((i: any) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]);

    test('what each role sees: its unit, its department’s units, all; by due date', async () => {
      assert.deepEqual(names(await list(await as_('preparer'), '')), ['officeClosed', 'officeAnswered', 'officeOpen']);
      assert.deepEqual(names(await list(await as_('approver2'), '')), ['centerOpen', 'centerLate']);
      const all = ['centerOpen', 'officeClosed', 'officeAnswered', 'officeOpen', 'centerLate'];
      for (const username of ['department', 'reviewer', 'admin'] as const) assert.deepEqual(names(await list(await as_(username), '')), all, username);
      assert.deepEqual(names(await list(await as_('reviewer'), `&unit=${api.unitId('center')}`)), ['centerOpen', 'centerLate']);
      // Another unit asked for by a unit's user: nothing of it.
      assert.deepEqual((await list(await as_('preparer'), `&unit=${api.unitId('center')}`)).total, 0);
      assert.equal((await api.anonymous().get('/api/rectifications')).status, 401);
    });

    test('status filters; overdue moves with the clock; paging and totals', async () => {
      const reviewer = await as_('reviewer');
      assert.deepEqual(names(await list(reviewer, '&status=open')), ['centerOpen', 'officeOpen', 'centerLate']);
      assert.deepEqual(names(await list(reviewer, '&status=answered')), ['officeAnswered']);
      assert.deepEqual(names(await list(reviewer, '&status=closed')), ['officeClosed']);
      assert.deepEqual(names(await list(reviewer, '&status=overdue')), []);
      await at('2031-03-06T01:00:00Z', async () => {
        const later = await as_('reviewer');
        const overdue = await list(later, '&status=overdue');
        // Open and due before 2031-03-06: the answered and the closed ones are not the unit's delay.
        assert.deepEqual(names(overdue), ['centerOpen', 'officeOpen']);
        assert.equal(overdue.total, 2);
        assert.ok(overdue.items.every((i: any) => i.overdue === true));
        const page = await list(later, '&limit=2&offset=1');
        assert.deepEqual(names(page), ['officeClosed', 'officeAnswered']);
        assert.deepEqual([page.total, page.limit, page.offset], [5, 2, 1]);
        assert.deepEqual((await list(later, '')).items.map((i: any) => i.overdue), [true, false, false, true, false]);
        const single = await later.get(`/api/rectifications/${ids.centerOpen}`);
        assert.equal(single.body.overdue, true);
      });
      assert.equal((await reviewer.get('/api/rectifications?status=late')).status, 400);
      assert.equal((await reviewer.get('/api/rectifications?limit=501')).status, 400);
    });

    test('the XLSX: headings from the locale, one row per item with the overdue mark, user text never a formula', async () => {
      await at('2031-03-06T01:00:00Z', async () => {
        const later = await as_('department');
        const answer = await later.get(`/api/rectifications/export.xlsx?year=${LIST_YEAR}&lang=zh`);
        assert.equal(answer.status, 200);
        assert.match(answer.headers.get('content-type')!, /spreadsheetml/u);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(answer.body);
        const sheet = workbook.worksheets[0]!;
        assert.equal(sheet.name, '整改事项');
        const rows = sheet.getSheetValues().filter(Boolean).map((r: any) => (r as unknown[]).slice(1));
        assert.equal(rows[0]![0], '整改事项清单（2031-03-06）');
        assert.deepEqual(rows[1]!.slice(0, 10), ['年度', '单位', '项目代码', '项目名称', '指标', '存在问题', '整改要求', '整改期限', '状态', '是否逾期']);
        assert.equal(rows.length, 2 + 5);
        const officeOpen = rows.find((r) => r[5] === '=1+1')!;
        assert.deepEqual([officeOpen[0], officeOpen[7], officeOpen[8], officeOpen[9]], [LIST_YEAR, '2031-03-05', '待整改', '逾期']);
        const cell = sheet.getRow(rows.indexOf(officeOpen) + 1).getCell(6);
        assert.equal(cell.type, ExcelJS.ValueType.String);
        assert.equal(rows.filter((r) => r[9] === '逾期').length, 2);
        assert.deepEqual(rows.find((r) => r[8] === '已销号')!.slice(7, 9), ['2031-03-02', '已销号']);
        const overdueOnly = await later.get(`/api/rectifications/export.xlsx?year=${LIST_YEAR}&status=overdue`);
        const again = new ExcelJS.Workbook();
        await again.xlsx.load(overdueOnly.body);
        assert.equal(again.worksheets[0]!.rowCount, 2 + 2);
      });
      const preparer = await as_('preparer');
      const own = new ExcelJS.Workbook();
      await own.xlsx.load((await preparer.get(`/api/rectifications/export.xlsx?year=${LIST_YEAR}`)).body);
      assert.equal(own.worksheets[0]!.rowCount, 2 + 3);
      const event = await api.database().db.selectFrom('security_events').select('detail').where('action', '=', 'download').orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.match(JSON.stringify(event.detail), /rectifications\.xlsx/u);
    });
  });

  test('over the export’s limit: 422 TOO_MANY_ROWS naming both numbers (the service with a limit of 2)', async () => {
    const service = new RectificationService({ db: api.database().db, templates: templateRegistry(), now: () => new Date(clock) }, 2);
    const reviewer = (await repositories(api.database().db).users.findByUsername('reviewer'))!.user;
    await assert.rejects(service.exportRows(reviewer, { year: 2032 }), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 422);
      assert.equal(error.code, 'TOO_MANY_ROWS');
      assert.deepEqual(error.options.params, { total: 5, max: 2 });
      return true;
    });
    assert.equal((await service.exportRows(reviewer, { year: 2032, status: 'answered' })).items.length, 1);
  });

  test('two answers at once on the same version: one is taken, the other is 409, one audit entry', async () => {
    const { id } = await form(api, 'office', 'submitted');
    const item = (await (await as_('reviewer')).post(`/api/evaluations/${id}/rectifications`, raiseBody())).body.id;
    const [a, b] = [await as_('preparer'), await as_('approver')];
    const answers = await Promise.all([a.post(`/api/rectifications/${item}/answer`, { measures: '甲', version: 1 }), b.post(`/api/rectifications/${item}/answer`, { measures: '乙', version: 1 })]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409]);
    assert.deepEqual((await itemRow(api, item)).version, 2);
    const audit = await (await as_('reviewer')).get(`/api/rectifications/${item}/audit`);
    assert.deepEqual(audit.body.items.map((e: any) => e.action), ['raise', 'answer']);
  });

  describe('the earlier years’ reminder', () => {
    test('next year’s form of the same project shows the items not closed: by code where both have one, else by name; not other units, projects or later years', async () => {
      const reviewer = await as_('reviewer');
      const code = `E${crypto.randomUUID().slice(0, 6)}`;
      const name = `提醒项目${crypto.randomUUID().slice(0, 6)}`;
      const { id: y2033 } = await form(api, 'office', 'approved', { year: 2033, project: name, code });
      const open = (await reviewer.post(`/api/evaluations/${y2033}/rectifications`, raiseBody({ problem: '未关闭' }))).body.id;
      const closed = (await reviewer.post(`/api/evaluations/${y2033}/rectifications`, raiseBody({ problem: '已关闭' }))).body.id;
      await (await as_('preparer')).post(`/api/rectifications/${closed}/answer`, { measures: '已整改' });
      await reviewer.post(`/api/rectifications/${closed}/accept`, {});
      const { id: noCode2032 } = await form(api, 'office', 'approved', { year: 2032, project: name, code: null });
      const older = (await reviewer.post(`/api/evaluations/${noCode2032}/rectifications`, raiseBody({ problem: '更早' }))).body.id;

      const earlier = async (id: string, username: Username = 'preparer') => {
        const answer = await (await as_(username)).get(`/api/evaluations/${id}/rectifications`);
        assert.equal(answer.status, 200);
        return answer.body.earlier.map((i: any) => i.id);
      };
      // Same code, renamed: the coded item; the older one without a code is matched by name only.
      const { id: renamed } = await form(api, 'office', 'draft', { year: 2034, project: `${name}（更名）`, code });
      assert.deepEqual(await earlier(renamed), [open]);
      // Same name, no code: both.
      const { id: uncoded } = await form(api, 'office', 'draft', { year: 2034, project: name, code: null });
      assert.deepEqual(await earlier(uncoded), [open, older]);
      // Same name, another code: only the one without a code.
      const { id: otherCode } = await form(api, 'office', 'draft', { year: 2034, project: name, code: 'ZZZ' });
      assert.deepEqual(await earlier(otherCode), [older]);
      // Another unit, same name and code: none. A form of 2033 itself: only the earlier year's, not 2033's own items.
      const { id: centre } = await form(api, 'center', 'draft', { year: 2034, project: name, code });
      assert.deepEqual(await earlier(centre, 'preparer2'), []);
      const { id: sameYear } = await form(api, 'office', 'draft', { year: 2033, project: name, code });
      assert.deepEqual(await earlier(sameYear), [older]);
      const items = (await (await as_('preparer')).get(`/api/evaluations/${renamed}/rectifications`)).body;
      assert.deepEqual(items.items, []);
      assert.deepEqual(items.earlier[0].allowedActions, ['answer']);
    });
  });
}, { now: () => new Date(clock) });

/** An evidence file of the form, written straight to the database (the upload route is evidence.test.ts's). */
async function evidence(api: Api, evaluationId: string): Promise<string> {
  const id = crypto.randomUUID();
  const uploader = (await as('preparer', api)).user.id as string;
  await repositories(api.database().db).evidence.insert({
    id, evaluationId, indicatorId: null, fileName: 'answer.pdf', mediaType: 'application/pdf', size: 1, sha256: 'x', storageKey: `k/${id}`, userId: uploader, at: new Date().toISOString(),
  });
  return id;
}

/** A submitted form of a unit of another department (a new top-level unit). */
async function otherDepartmentForm(api: Api): Promise<string> {
  const repos = repositories(api.database().db);
  const unitId = crypto.randomUUID();
  const at = new Date().toISOString();
  await repos.units.create({ id: unitId, code: `X${unitId.slice(0, 8)}`, name: `另一部门${unitId.slice(0, 4)}`, parentId: null, path: `/${unitId}/` }, at);
  const document = withIndicatorIds(seedEvaluations()[0]!, undefined, () => crypto.randomUUID());
  document.year = YEAR;
  const id = crypto.randomUUID();
  await repos.evaluations.insert({ id, unitId, status: 'submitted', columns: columnsOf(document, templateRegistry().get(document.template)!), document, at });
  return id;
}
