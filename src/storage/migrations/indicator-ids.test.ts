import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { repositories } from '../repositories.ts';
import { forEachDatabase } from '../test-databases.testing.ts';
import { up } from './2026-11-29-indicator-ids.ts';

const AT = '2026-11-26T00:00:00.000Z';
const columns = { year: 2021, project: 'P', template: 'shanghai-2021', score: 0, grade: 'D', executionRate: null, budgetFen: null, executedFen: null };
const doc = (indicators: Evaluation['indicators']): Evaluation => ({ schema: 'jixiao/evaluation@1', template: 'shanghai-2021', year: 2021, project: { name: 'P' }, indicators, vendor: { kept: true } });

forEachDatabase('migration 2026-11-29-indicator-ids', (database) => {
  test('forms stored without ids get one per indicator; ids already there, the version and the rest stay', async () => {
    const repos = repositories(database().db);
    await repos.units.create({ id: 'u1', name: 'Unit 1' }, AT);
    // More than a page of forms, so the paging is exercised.
    const legacy = Array.from({ length: 501 }, (_, i) => ({ id: `e${String(i).padStart(4, '0')}`, unitId: 'u1', status: 'published' as const, columns, document: doc([{ name: 'a', category: 'output' }, { name: 'b', category: 'output' }]), at: AT }));
    await repos.evaluations.insertMany(legacy);
    await repos.evaluations.insert({ id: 'z-with-ids', unitId: 'u1', status: 'draft', columns, document: doc([{ id: 'kept', name: 'a' }, { name: 'b' }]), at: AT });

    await up(database().db);

    const ids = new Set<string>();
    for (const id of ['e0000', 'e0499', 'e0500']) {
      const stored = (await repos.evaluations.get(id))!;
      assert.equal(stored.version, 1, 'not an edit');
      assert.deepEqual(stored.document.vendor, { kept: true });
      for (const indicator of stored.document.indicators) {
        assert.match(indicator.id!, /^[0-9a-f-]{36}$/u);
        ids.add(indicator.id!);
      }
    }
    assert.equal(ids.size, 6, 'distinct across forms');
    const mixed = (await repos.evaluations.get('z-with-ids'))!.document.indicators;
    assert.equal(mixed[0]!.id, 'kept');
    assert.match(mixed[1]!.id!, /^[0-9a-f-]{36}$/u);

    const before = (await repos.evaluations.get('e0000'))!.document;
    await up(database().db);
    assert.deepEqual((await repos.evaluations.get('e0000'))!.document, before, 'run again: nothing changes');
  });
});
