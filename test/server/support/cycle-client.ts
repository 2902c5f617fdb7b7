/** The cycle's documents over HTTP for the API tests: fresh projects, created, approved. */
import assert from 'node:assert/strict';
import type { Monitoring } from '../../../src/core/model/monitoring.ts';
import type { Targets } from '../../../src/core/model/targets.ts';
import { nationalMonitoring, nationalTargets } from '../../support/cycle-fixtures.ts';
import type { Api, Client } from './api-harness.ts';
import { act } from './transition.ts';

/** The national example's targets as a project of its own (one targets document per unit, year and project). */
export function freshTargets(): Targets {
  const t = nationalTargets();
  t.project.code = `T${crypto.randomUUID().slice(0, 8)}`;
  return t;
}

export function freshMonitoring(): Monitoring {
  const m = nationalMonitoring();
  m.project.code = `M${crypto.randomUUID().slice(0, 8)}`;
  return m;
}

export async function create(client: Client, kind: 'targets' | 'monitoring', document: Targets | Monitoring): Promise<string> {
  const created = await client.post(`/api/${kind}`, { [kind]: document });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id;
}

/** Targets taken through submit and approve by the approver and the reviewer. */
export async function approvedTargets(api: Api, document = freshTargets()): Promise<string> {
  const id = await create(await api.as('preparer'), 'targets', document);
  assert.equal((await act(await api.as('approver'), `/api/targets/${id}`, { action: 'submit' })).status, 200);
  assert.equal((await act(await api.as('reviewer'), `/api/targets/${id}`, { action: 'approve' })).status, 200);
  return id;
}
