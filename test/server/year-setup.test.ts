/**
 * A year set up from the budget system's project list, on each database (POST /api/years/:year/projects):
 * one draft per project for its unit, last year's indicators carried over (by 项目代码, else by name);
 * run again, the budget system's facts updated where the unit has not changed them, new projects
 * added, nothing of the units' work touched; bad lists refused whole; the year's progress.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { repositories } from '../../src/storage/repositories.ts';
import { forEachApi, type Api } from './support/api-harness.ts';
import { upload } from './support/upload.ts';

const HEADER = '单位代码,项目代码,项目名称,当年预算数,上年预算金额,具体实施处室,是否经常性项目,模板';
const list = (...rows: string[]) => upload(`${HEADER}\n${rows.join('\n')}\n`, 'projects.csv');

async function setUp(api: Api, year: number, body: FormData, query = '') {
  return (await api.as('admin')).request('POST', `/api/years/${year}/projects${query}`, { rawBody: body });
}

/** The year's forms as the admin lists them, by project name. */
async function forms(api: Api, year: number): Promise<Map<string, any>> {
  const items = (await (await api.as('admin')).get(`/api/evaluations?year=${year}`)).body.items as any[];
  return new Map(items.map((s) => [s.project, s]));
}

const counts = async (api: Api) => {
  const db = api.database().db;
  const [e, p] = await Promise.all([
    db.selectFrom('evaluations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return [Number(e.n), Number(p.n)];
};

forEachApi('the year set up from the project list', (api) => {
  const YEAR = 2022;

  describe('set-up, then the same list changed', () => {
    test('one draft per project; last year\'s form carried over by code, else by name; the blank form otherwise', async () => {
      const answer = await setUp(api, YEAR, list(
        '117,2021117002,中介机构服务费,720000,697100.00,综合科,是,',
        '117001,NEW-001,金融服务费用,"52,000.00",50000,,否,',
        '117,NEW-002,普惠金融宣传,100000,,宣传科,否,national-2020',
      ));
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.deepEqual([answer.body.created, answer.body.carriedOver, answer.body.updated, answer.body.unchanged, answer.body.notices], [3, 2, 0, 0, []]);

      const made = await forms(api, YEAR);
      const service = made.get('中介机构服务费')!;
      assert.deepEqual([service.unit.name, service.status, service.template, service.budget], ['上海市普陀区金融服务办公室', 'draft', 'shanghai-2021', '720000.00']);
      assert.equal(made.get('金融服务费用')!.unit.name, '上海市普陀区金融服务中心');
      assert.equal(made.get('普惠金融宣传')!.template, 'national-2020');

      const preparer = await api.as('preparer');
      const detail = (await preparer.get(`/api/evaluations/${service.id}`)).body;
      assert.deepEqual(detail.allowedActions, ['edit', 'copy', 'delete']);
      const lastYear = (await forms(api, 2021)).get('中介机构服务费')!;
      const last = (await (await api.as('admin')).get(`/api/evaluations/${lastYear.id}`)).body.evaluation;
      assert.deepEqual(detail.evaluation.indicators.map((i: any) => [i.id, i.name, i.target, i.weight]), last.indicators.map((i: any) => [i.id, i.name, i.target, i.weight]));
      assert.ok(detail.evaluation.indicators.every((i: any) => i.score === undefined && i.actual === undefined), 'what happened last year is cleared');
      assert.deepEqual(detail.evaluation.project, {
        ...detail.evaluation.project,
        name: '中介机构服务费', code: '2021117002', budgetUnit: '上海市普陀区金融服务办公室', department: '综合科', recurring: true,
        budgetCurrentYear: '720000.00', budgetPreviousYear: '697100.00',
      });
      const previous = (await preparer.get(`/api/evaluations/${service.id}/previous-year`)).body.previous;
      assert.deepEqual([previous.id, previous.via], [lastYear.id, 'copy'], 'the editor finds last year\'s figures through the set-up\'s copiedFrom');
      const audit = (await preparer.get(`/api/evaluations/${service.id}/audit`)).body.items;
      assert.deepEqual(audit.map((e: any) => [e.action, e.changes]), [['setup', [{ path: 'copiedFrom', from: null, to: lastYear.id }]]]);

      const blank = (await preparer.get(`/api/evaluations/${made.get('普惠金融宣传')!.id}`)).body.evaluation;
      assert.deepEqual(blank.indicators, []);
      assert.equal(blank.project.budgetUnit, '上海市普陀区金融服务办公室');
    });

    test('run again: facts updated where untouched, the units\' own changes and sent forms left alone, new projects added', async () => {
      const made = await forms(api, YEAR);
      const preparer = await api.as('preparer');
      // The office changes the department of one form, and its approver submits the other.
      const service = (await preparer.get(`/api/evaluations/${made.get('中介机构服务费')!.id}`)).body;
      const edited = { ...service.evaluation, project: { ...service.evaluation.project, department: '办公室（单位改）' } };
      assert.equal((await preparer.put(`/api/evaluations/${service.id}`, { version: service.version, evaluation: edited })).status, 200);
      const national = made.get('普惠金融宣传')!;
      await repositories(api.database().db).evaluations.update(national.id, national.version, { status: 'submitted', at: new Date().toISOString() });
      const before = await counts(api);

      const answer = await setUp(api, YEAR, list(
        '117,2021117002,中介机构服务费,750000,697100.00,综合处,是,',
        '117001,NEW-001,金融服务费用,"52,000.00",50000,,否,',
        '117,NEW-002,普惠金融宣传,120000,,宣传科,否,national-2020',
        '117001,NEW-003,新增项目,3000,,,,shanghai-2021',
      ));
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.deepEqual([answer.body.created, answer.body.updated, answer.body.unchanged], [1, 2, 1]);
      assert.deepEqual(answer.body.notices.map((n: any) => `${n.row}:${n.column}:${n.message}`), [
        '2:具体实施处室 (department):单位已修改表中的“project.department”，保留单位填写的内容',
        '4:项目名称 (name):表单状态为“已提交”，已报送，未作修改',
      ]);
      const after = await counts(api);
      assert.deepEqual(after, [before[0]! + 1, before[1]! + 1], 'one new form, one new project: nothing twice');

      const updated = (await preparer.get(`/api/evaluations/${service.id}`)).body.evaluation.project;
      assert.deepEqual([updated.budgetCurrentYear, updated.department], ['750000.00', '办公室（单位改）']);
      const sent = (await (await api.as('admin')).get(`/api/evaluations/${national.id}`)).body.evaluation.project;
      assert.equal(sent.budgetCurrentYear, '100000.00', 'a submitted form is frozen');
      const audit = (await preparer.get(`/api/evaluations/${service.id}/audit`)).body.items.at(-1);
      assert.deepEqual([audit.action, audit.changes.map((c: any) => [c.path, c.from, c.to])], ['setup', [['project.budgetCurrentYear', '720000.00', '750000.00']]]);
    });
  });

  test('a bad list is refused whole, every bad row named; a dry run writes nothing', async () => {
    const before = await counts(api);
    const refused = await setUp(api, 2023, list(
      '117,A1,好项目,1000,,,,shanghai-2021',
      '999,A2,未知单位,1000,,,,shanghai-2021',
      '117,A3,未知模板,1000,,,,beijing-2030',
      '117,A4,无模板无上年,1000,,,,',
      '117,A5,金额有误,一千元,,,,shanghai-2021',
      '117,A1,重复,1000,,,,shanghai-2021',
    ));
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.error.issues.map((i: any) => i.path), [
      'row 3, 单位代码 (unit)', 'row 4, 模板 (template)', 'row 6, 当年预算数 (budget)', 'row 7, 项目代码 (code)',
    ]);
    assert.deepEqual(await counts(api), before);

    const onlyTemplateMissing = await setUp(api, 2023, list('117,A4,无模板无上年,1000,,,,'));
    assert.deepEqual([onlyTemplateMissing.status, onlyTemplateMissing.body.error.issues[0].path], [422, 'row 2, 模板 (template)']);
    assert.match(onlyTemplateMissing.body.error.issues[0].message, /上年没有自评表，须填写模板/u);

    const dry = await setUp(api, 2023, list('117,A1,好项目,1000,,,,shanghai-2021'), '?dryRun=true');
    assert.deepEqual([dry.status, dry.body.dryRun, dry.body.created], [200, true, 1]);
    assert.deepEqual(await counts(api), before);
  });

  test('the year\'s progress per department and unit, overdue after the deadline, for the bureau and the department only', async () => {
    const admin = await api.as('admin');
    await admin.put(`/api/years/${YEAR}`, { departmentReview: true, deadline: '2023-03-31' });
    assert.deepEqual((await admin.get(`/api/years/${YEAR}`)).body, { year: YEAR, departmentReview: true, deadline: '2023-03-31', monitoringAsOf: null });
    const progress = (await admin.get(`/api/years/${YEAR}/progress`)).body;
    assert.equal(progress.pastDeadline, true);
    const [department] = progress.departments;
    assert.equal(department.unit.code, '117');
    const office = department.units.find((u: any) => u.unit.code === '117').counts;
    const centre = department.units.find((u: any) => u.unit.code === '117001').counts;
    // The office: one form edited (draft), one submitted; the centre: two untouched set-up drafts.
    assert.deepEqual([office.draft, office.submitted, office.notStarted, office.overdue], [1, 1, 0, 1]);
    assert.deepEqual([centre.notStarted, centre.overdue, centre.total], [2, 2, 2]);
    assert.equal(progress.totals.total, 4);
    assert.deepEqual((await (await api.as('department')).get(`/api/years/${YEAR}/progress`)).body.totals, progress.totals);
    assert.equal((await (await api.as('preparer')).get(`/api/years/${YEAR}/progress`)).status, 403);

    const xlsx = await admin.get(`/api/years/${YEAR}/progress.xlsx`);
    assert.equal(xlsx.status, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body) as any);
    const sheet = workbook.getWorksheet('填报进度')!;
    const rows = sheet.getSheetValues().filter(Boolean).map((r: any) => (r as unknown[]).slice(1).map(String));
    assert.ok(rows.some((r) => r[1] === '117001' && r[2] === '上海市普陀区金融服务中心' && r[3] === '2'), JSON.stringify(rows));
    assert.equal(workbook.getWorksheet('未报送表单')!.rowCount, 2 + 3, 'the title, the header and the three forms still with their units');
  });
});
