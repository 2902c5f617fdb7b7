/**
 * A bureau from an empty database, with the executable, on each database (README, "Setting up a
 * bureau"): `jixiao serve` creates nobody; `jixiao users add … --role admin --password-stdin` makes
 * the first administrator, who logs in; the organisation, the users and the year's projects come from
 * lists, all rows or none, each bad row named (exit 2); one-time passwords go to a private file,
 * never to the screen.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { contentHash } from '../../src/core/model/content-hash.ts';
import type { Db } from '../../src/storage/open-database.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { forEachDatabase } from '../../src/storage/test-databases.testing.ts';
import { nationalTargets } from '../support/cycle-fixtures.ts';
import { HttpSession, startServe, type ServeProcess } from '../faults/support/serve-process.ts';
import { runCliAsync } from '../support/run-cli.ts';

const ADMIN_PASSWORD = 'bureau-admin-2026';

/** Approved targets of the unit's project in 2026, written straight to the database. */
async function approvedTargetsOf(db: Db, unitCode: string, code: string, name: string): Promise<void> {
  const unitId = (await db.selectFrom('units').select('id').where('code', '=', unitCode).executeTakeFirstOrThrow()).id;
  const userId = (await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
  const targets = nationalTargets();
  Object.assign(targets, { year: 2026, project: { ...targets.project, code, name } });
  const [id, at, hash] = [crypto.randomUUID(), new Date().toISOString(), contentHash(targets)];
  const repos = repositories(db);
  await repos.cycle.insert({ id, kind: 'targets', unitId, columns: { year: 2026, projectCode: code, project: name, template: targets.template, contentHash: hash }, document: targets, userId, at });
  await db.updateTable('cycle_documents').set({ status: 'approved' }).where('id', '=', id).execute();
  await repos.cycle.freeze({ documentId: id, action: 'approve', status: 'approved', document: targets, contentHash: hash, reason: null, userId, at });
}

forEachDatabase('setting a bureau up from the command line', (database, dialect, url) => {
  let dir = '';
  let server: ServeProcess | undefined;
  const cli = (args: string[], input?: string) => runCliAsync(args, { env: { DATABASE_URL: url() }, ...(input === undefined ? {} : { input }), cwd: dir });
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-setup-cli-'));
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test(`jixiao serve on an empty ${dialect} database: nobody; the first admin from the command line logs in`, { timeout: 120_000 }, async () => {
    server = await startServe({ DATABASE_URL: url() }, { demo: false });
    assert.doesNotMatch(server.output(), /demo|password/iu, 'nothing of the demo, no password printed');
    const users = await database().db.selectFrom('users').select('username').execute();
    assert.deepEqual(users, [], 'no user exists');
    const refused = await fetch(`${server.base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'anything-at-all' }) });
    assert.equal(refused.status, 401);

    const short = await cli(['users', 'add', 'admin', '--role', 'admin', '--password-stdin'], 'short\n');
    assert.equal(short.code, 2);
    assert.match(short.stderr, /newPassword|password: 密码至少 10 个字符/u);
    const made = await cli(['users', 'add', 'admin', '--role', '管理员', '--name', '系统管理员', '--password-stdin'], `${ADMIN_PASSWORD}\n`);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /created admin \(admin\)/u);
    assert.doesNotMatch(made.stdout, new RegExp(ADMIN_PASSWORD, 'u'), 'a given password is never echoed');
    const admin = await HttpSession.login(server.base, 'admin', ADMIN_PASSWORD);
    const me = await admin.send('GET', '/api/me');
    assert.deepEqual([me.body.user.role, me.body.user.displayName, me.body.user.mustChangePassword], ['admin', '系统管理员', false]);
    assert.equal((await cli(['users', 'add', 'ADMIN', '--role', 'admin', '--password-stdin'], `${ADMIN_PASSWORD}\n`)).code, 2, 'taken, ignoring case');
  });

  test('the organisation from a list: a bad list refused whole with its rows, a good one written', async () => {
    const bad = await cli(['units', 'import', file('units-bad.csv', '单位代码,单位名称,上级单位代码\n201,区文化和旅游局,\n201001,区图书馆,999\n201001,区文化馆,201\n')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /units-bad\.csv: row 3, 上级单位代码 \(parent\): 上级单位“999”不存在/u);
    assert.match(bad.stderr, /row 4, 单位代码 \(code\): 单位代码“201001”重复（第 3 行已有）/u);
    const good = await cli(['units', 'import', file('units.csv', 'code,name,parent\n201001,区图书馆,201\n201,区文化和旅游局,\n201002,区文化馆,201\n')]);
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stdout, /3 created, 0 changed, 0 unchanged/u);
    assert.match((await cli(['units', 'import', join(dir, 'units.csv')])).stdout, /0 created, 0 changed, 3 unchanged/u, 'the same list again changes nothing');
  });

  test('users from an XLSX list: one-time passwords in a private file, never on the screen', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('用户');
    sheet.addRows([['用户名', '姓名', '角色', '单位代码'], ['lib.prep', '图书馆填报', '填报人', '201001'], ['lib.approve', '图书馆审核', '单位审核人', '201001'], ['wl.dept', '文旅局审核', '主管部门审核人', '201']]);
    const list = join(dir, 'users.xlsx');
    await workbook.xlsx.writeFile(list);
    const out = join(dir, 'passwords.csv');

    assert.equal((await cli(['users', 'import', list])).code, 2, '--passwords-out is required');
    const badList = file('users-bad.csv', 'username,name,role,unit\nlib.x,,填报人,\nlib.y,,局长,201\n');
    const bad = await cli(['users', 'import', badList, '--passwords-out', out]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /row 2, 单位代码 \(unit\): 填报人须填写所属单位代码/u);
    assert.match(bad.stderr, /row 3, 角色 \(role\): 未知的角色“局长”/u);
    assert.equal(existsSync(out), false, 'a refused list leaves no password file');

    const made = await cli(['users', 'import', list, '--passwords-out', out]);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /3 users created/u);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    const rows = readFileSync(out, 'utf8').replace(/^\uFEFF/u, '').trim().split('\n').map((l) => l.split(','));
    assert.deepEqual(rows.map((r) => r[0]), ['username', 'lib.prep', 'lib.approve', 'wl.dept']);
    for (const [, password] of rows.slice(1)) assert.doesNotMatch(made.stdout + made.stderr, new RegExp(password!, 'u'));
    const again = await cli(['users', 'import', list, '--passwords-out', out]);
    assert.equal(again.code, 2, 'an existing password file is never overwritten');

    const preparer = await HttpSession.login(server!.base, 'lib.prep', rows[1]![1]!);
    assert.equal((await preparer.send('GET', '/api/evaluations')).body.error.code, 'PASSWORD_CHANGE_REQUIRED');
    const department = await HttpSession.login(server!.base, 'wl.dept', rows[3]![1]!);
    assert.equal((await department.send('POST', '/api/me/password', { currentPassword: rows[3]![1], newPassword: 'wenlv-dept-2026' })).status, 200);
  });

  test('the year\'s projects from the budget system\'s list: drafts for the units; a dry run first', async () => {
    const list = file('projects.csv', '单位代码,项目代码,项目名称,当年预算数,上年预算金额,具体实施处室,是否经常性项目,模板\n201001,2026201001001,图书馆免费开放,"1,200,000",1000000,读者服务部,是,shanghai-2021\n201002,2026201002001,文化惠民演出,300000,,,否,national-2020\n');
    const dry = await cli(['projects', 'import', list, '--year', '2026', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /dry run: nothing written\): 2026: 2 forms made/u);
    const count = async () => Number((await database().db.selectFrom('evaluations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(await count(), 0);
    // 区文化馆's targets of its project, approved: its form is made from them (issue 16).
    await approvedTargetsOf(database().db, '201002', '2026201002001', '文化惠民演出');
    const made = await cli(['projects', 'import', list, '--year', '2026']);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /2026: 2 forms made \(0 from last year's, 1 from approved targets\), 0 projects updated, 0 unchanged/u);
    assert.equal(await count(), 2);
    const bad = await cli(['projects', 'import', file('bad.csv', 'unit,name,budget\n201001,x,-1\n'), '--year', '2026']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /row 2, 当年预算数 \(budget\): 金额“-1”不能为负数/u);
    assert.equal((await cli(['projects', 'import', list, '--year', 'next'])).code, 2);
    assert.equal(await count(), 2);

    const admin = await HttpSession.login(server!.base, 'admin', ADMIN_PASSWORD).catch((error: Error) => {
      throw new Error(`${error.message} (${String((error.cause as Error)?.message ?? error.cause)}); the server said:\n${server!.output()}`);
    });
    const forms = (await admin.send('GET', '/api/evaluations?year=2026')).body.items.map((s: any) => [s.unit.name, s.project, s.status, s.budget]);
    assert.deepEqual(forms.sort(), [['区图书馆', '图书馆免费开放', 'draft', '1200000.00'], ['区文化馆', '文化惠民演出', 'draft', '300000.00']]);
  });
});

test('jixiao serve --demo refuses a demo password shorter than 10 characters, and loads nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-demo-password-'));
  try {
    const run = await runCliAsync(['serve', '--demo', '--port', '0'], { env: { DATABASE_URL: join(dir, 'j.sqlite'), JIXIAO_DEMO_PASSWORD: 'demo12345' } });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /JIXIAO_DEMO_PASSWORD: the demo password must have at least 10 characters/u);
    const bad = await runCliAsync(['serve', '--port', '0'], { env: { DATABASE_URL: join(dir, 'j.sqlite'), JIXIAO_SESSION_IDLE_MINUTES: 'soon' } });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /environment variable JIXIAO_SESSION_IDLE_MINUTES/u);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
