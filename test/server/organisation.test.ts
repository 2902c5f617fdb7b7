/**
 * The organisation over HTTP on each database: the admin builds the tree (a department, units below
 * it, a unit two levels down), moves and disables units; everyone reads the units they may see, one
 * page at a time; a list of units is written whole or not at all.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repositories } from '../../src/storage/repositories.ts';
import { forEachApi } from './support/api-harness.ts';
import { upload } from './support/upload.ts';

const unique = (prefix: string) => `${prefix}${crypto.randomUUID().slice(0, 6)}`;

forEachApi('organisation: units as a tree', (api) => {
  describe('the admin builds and changes the tree', () => {
    test('a department, a unit under it, one below that: codes, parents and paths', async () => {
      const admin = await api.as('admin');
      const dept = await admin.post('/api/units', { code: unique('D'), name: unique('区文化和旅游局') });
      assert.equal(dept.status, 201, JSON.stringify(dept.body));
      assert.equal(dept.body.parentId, null);
      const unit = await admin.post('/api/units', { code: unique('U'), name: unique('区图书馆'), parentId: dept.body.id });
      assert.equal(unit.body.parentId, dept.body.id);
      const branch = await admin.post('/api/units', { code: unique('B'), name: unique('分馆'), parentId: unit.body.id });
      const stored = await repositories(api.database().db).units.get(branch.body.id);
      assert.equal(stored?.path, `/${dept.body.id}/${unit.body.id}/${branch.body.id}/`);
      assert.equal(stored?.path, `/${dept.body.id}/${unit.body.id}/${branch.body.id}/`);
      assert.equal((await admin.get(`/api/units/${dept.body.id}`)).body.children, 1);
      assert.equal('path' in dept.body, false, 'the path stays on the server');

      // Moved under another department: the unit below moves along.
      const other = await admin.post('/api/units', { code: unique('D'), name: unique('区体育局') });
      const moved = await admin.request('PATCH', `/api/units/${unit.body.id}`, { body: { parentId: other.body.id, name: `${unit.body.name}（新）` } });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal((await repositories(api.database().db).units.get(branch.body.id))?.path, `/${other.body.id}/${unit.body.id}/${branch.body.id}/`);

      // Under its own descendant: a loop, refused at the field; nothing changed.
      const loop = await admin.request('PATCH', `/api/units/${other.body.id}`, { body: { parentId: branch.body.id } });
      assert.equal(loop.status, 400);
      assert.equal(loop.body.error.issues[0].path, 'parentId');
      assert.match(loop.body.error.issues[0].message, /循环/u);
      assert.equal((await admin.get(`/api/units/${other.body.id}`)).body.parentId, null);

      // Recoded: the same unit, its forms and users stay.
      const code = unique('R');
      const recoded = await admin.request('PATCH', `/api/units/${branch.body.id}`, { body: { code } });
      assert.deepEqual([recoded.status, recoded.body.code, recoded.body.id], [200, code, branch.body.id]);

      const disabled = await admin.request('PATCH', `/api/units/${branch.body.id}`, { body: { disabled: true } });
      assert.equal(disabled.body.disabled, true);
      const under = await admin.post('/api/units', { code: unique('X'), name: unique('停用单位下'), parentId: branch.body.id });
      assert.equal(under.status, 400, 'no new unit under a disabled one');
      assert.equal((await admin.request('PATCH', `/api/units/${branch.body.id}`, { body: { disabled: false } })).body.disabled, false);
    });

    test('a taken code, a taken name, an unknown parent: 400 at the field', async () => {
      const admin = await api.as('admin');
      const first = await admin.post('/api/units', { code: unique('C'), name: unique('单位') });
      const issues = async (body: unknown) => (await admin.post('/api/units', body)).body.error.issues.map((i: any) => i.path);
      assert.deepEqual(await issues({ code: first.body.code, name: unique('别名') }), ['code']);
      assert.deepEqual(await issues({ code: unique('C'), name: first.body.name }), ['name']);
      assert.deepEqual(await issues({ code: unique('C'), name: unique('x'), parentId: 'no-such-unit' }), ['parentId']);
    });
  });

  describe('who sees which units', () => {
    test('the admin and the reviewer all, a department its own and those below, a unit its own', async () => {
      const codes = async (username: Parameters<typeof api.as>[0]) => {
        const answer = await (await api.as(username)).get('/api/units?limit=500');
        assert.equal(answer.status, 200);
        return answer.body.items.map((u: any) => u.code) as string[];
      };
      assert.deepEqual(await codes('preparer'), ['117']);
      assert.deepEqual(await codes('preparer2'), ['117001']);
      assert.deepEqual(await codes('department'), ['117', '117001']);
      const all = await codes('reviewer');
      assert.ok(all.includes('117') && all.includes('117001'));
      assert.deepEqual(await codes('admin'), all);
      assert.equal((await (await api.as('preparer2')).get(`/api/units/${api.unitId('office')}`)).status, 404);
    });

    test('paged, searched and filtered in the database, in a stable order', async () => {
      const admin = await api.as('admin');
      const prefix = unique('PG');
      for (let i = 0; i < 7; i++) await admin.post('/api/units', { code: `${prefix}-${i}`, name: `${prefix} 单位 ${i}`, parentId: api.unitId('office') });
      const page = async (query: string) => (await admin.get(`/api/units?q=${encodeURIComponent(prefix)}&${query}`)).body;
      const first = await page('limit=3&offset=0');
      const second = await page('limit=3&offset=3');
      const third = await page('limit=3&offset=6');
      assert.equal(first.total, 7);
      assert.deepEqual([...first.items, ...second.items, ...third.items].map((u: any) => u.code), Array.from({ length: 7 }, (_, i) => `${prefix}-${i}`));
      const children = (await admin.get(`/api/units?parent=${api.unitId('office')}&limit=500`)).body.items.map((u: any) => u.code);
      assert.ok(children.includes('117001') && children.includes(`${prefix}-0`) && !children.includes('117'));
      const roots = (await admin.get('/api/units?parent=root&limit=500')).body.items;
      assert.ok(roots.every((u: any) => u.parentId === null));
      assert.equal((await admin.get('/api/units?limit=501')).status, 400);
      assert.equal((await admin.get('/api/units?q=100%25_')).body.total, 0, 'LIKE wildcards are taken literally');
    });
  });

  describe('a list of units (POST /api/units/import)', () => {
    test('all rows or none: each bad row named; the good list written; the same list again changes nothing', async () => {
      const admin = await api.as('admin');
      const dept = unique('L');
      const bad = `单位代码,单位名称,上级单位代码\n${dept},${unique('局')},\n${dept}01,${unique('馆')},${dept}\n${dept}02,,${dept}\n${dept}03,${unique('站')},NOPE\n${dept}01,${unique('重复')},\n`;
      const refused = await admin.request('POST', '/api/units/import', { rawBody: upload(bad, 'units.csv') });
      assert.equal(refused.status, 422);
      assert.equal(refused.body.error.code, 'INVALID_ROWS');
      assert.deepEqual(refused.body.error.issues.map((i: any) => i.path), ['row 4, 单位名称 (name)', 'row 5, 上级单位代码 (parent)', 'row 6, 单位代码 (code)']);
      assert.equal((await admin.get(`/api/units?q=${dept}`)).body.total, 0, 'nothing written');

      const good = `code,name,parent\n${dept}01,${unique('馆')},${dept}\n${dept},${unique('局')},\n`;
      const written = await admin.request('POST', '/api/units/import', { rawBody: upload(good, 'units.csv') });
      assert.deepEqual(written.body, { created: 2, updated: 0, unchanged: 0, ignoredColumns: [] });
      const again = await admin.request('POST', '/api/units/import', { rawBody: upload(good, 'units.csv') });
      assert.deepEqual(again.body, { created: 0, updated: 0, unchanged: 2, ignoredColumns: [] });
      const notAList = await admin.request('POST', '/api/units/import', { rawBody: upload('%PDF-1.7 junk', 'units.csv') });
      assert.deepEqual([notAList.status, notAList.body.error.code], [422, 'UNREADABLE_LIST']);
    });
  });
});
