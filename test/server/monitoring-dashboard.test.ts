/**
 * The dashboard's monitoring view (issue 16) on SQLite and PostgreSQL: the figures grouped in SQL
 * by department and unit are the core's (monitoringOverview) on the same generated monitoring; each
 * role sees what its monitoring list shows it; the list of projects off track or behind is paged
 * and complete; the cycle service keeps the summary's columns on save and transition; rows stored
 * without them are summarised at start.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Monitoring } from '../../src/core/model/monitoring.ts';
import { BUILT_IN_TEMPLATES, templateRegistry } from '../../src/core/templates/registry.ts';
import type { CycleStatus } from '../../src/core/workflow/cycle-workflow.ts';
import { monitoringOverview, type MonitoringOverviewRow } from '../../src/core/year/monitoring-overview.ts';
import { summarizeMonitoring } from '../../src/core/year/monitoring-summary.ts';
import { contentHash } from '../../src/core/model/content-hash.ts';
import { syntheticCycles } from '../../src/demo/synthetic-cycle.ts';
import { summarizeStoredMonitoring } from '../../src/storage/monitoring-columns.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { nationalMonitoring } from '../support/cycle-fixtures.ts';
import { forEachApi, type Api, type Client } from './support/api-harness.ts';
import { act } from './support/transition.ts';

const YEAR = 2031;
const STATUSES: readonly CycleStatus[] = ['draft', 'submitted', 'forwarded', 'returned', 'accepted'];
const SENT = new Set<CycleStatus>(['submitted', 'forwarded', 'returned', 'accepted']);
const registry = templateRegistry();

interface Stored {
  id: string;
  unitId: string;
  department: string;
  status: CycleStatus;
  monitoring: Monitoring;
}

/** The generated monitoring of YEAR spread over the demo's office (a department), its centre (below it) and a department of its own. */
async function storeGenerated(api: Api): Promise<Stored[]> {
  const repos = repositories(api.database().db);
  const at = new Date().toISOString();
  const other = crypto.randomUUID();
  await repos.units.create({ id: other, code: `D${other.slice(0, 8)}`, name: '监测测试局', parentId: null, path: `/${other}/` }, at);
  const office = api.unitId('office');
  const places = [
    { unitId: office, department: office },
    { unitId: api.unitId('center'), department: office },
    { unitId: other, department: other },
  ];
  const userId = (await api.as('preparer')).user.id as string;
  const stored: Stored[] = [];
  let i = 0;
  for (const c of syntheticCycles({ units: 4, projectsPerUnit: 15, years: [YEAR, YEAR], seed: 16 }, BUILT_IN_TEMPLATES)) {
    const place = places[i % places.length]!;
    const status = STATUSES[Math.floor(i / places.length) % STATUSES.length]!;
    const monitoring = { ...c.monitoring, project: { ...c.monitoring.project, code: `G${i}` } };
    const id = crypto.randomUUID();
    const summary = summarizeMonitoring(monitoring, registry.get(monitoring.template)!);
    const columns = { year: YEAR, projectCode: `G${i}`, project: monitoring.project.name, template: monitoring.template, contentHash: contentHash(monitoring), summary };
    await repos.cycle.insert({ id, kind: 'monitoring', unitId: place.unitId, columns, document: monitoring, userId, at });
    await api.database().db.updateTable('cycle_documents').set({ status }).where('id', '=', id).execute();
    stored.push({ id, ...place, status, monitoring });
    i++;
  }
  return stored;
}

const rowOf = (s: Stored): MonitoringOverviewRow => ({ department: s.department, unit: s.unitId, ...summarizeMonitoring(s.monitoring, registry.get(s.monitoring.template)!) });

/** The view as the reference gives it: departments and (one department's) units by id. */
async function compare(client: Client, rows: Stored[], department?: string): Promise<void> {
  const view = await client.get(`/api/dashboard/monitoring?year=${YEAR}${department ? `&department=${department}` : ''}`);
  assert.equal(view.status, 200, JSON.stringify(view.body));
  const expected = monitoringOverview(rows.map(rowOf));
  assert.deepEqual(view.body.totals, expected.totals);
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  assert.deepEqual(byId(view.body.departments).map((d: any) => [d.id, d.figures]), expected.departments.map((d) => [d.department, d.figures]));
  if (department) {
    const units = expected.departments.find((d) => d.department === department)?.units ?? [];
    assert.deepEqual(byId(view.body.units).map((u: any) => [u.id, u.figures]), units.map((u) => [u.unit, u.figures]));
  }
}

forEachApi('the dashboard’s monitoring view', (api) => {
  let stored: Stored[] = [];
  before(async () => {
    stored = await storeGenerated(api);
  });

  test('the bureau: every sent monitoring, by department and by unit, as the core sums them', async () => {
    const reviewer = await api.as('reviewer');
    const sent = stored.filter((s) => SENT.has(s.status));
    assert.ok(sent.some((s) => s.monitoring.funding) && sent.some((s) => !s.monitoring.funding), 'both templates');
    const overview = monitoringOverview(sent.map(rowOf));
    assert.ok(overview.totals.offTrack > 0 && overview.totals.behindTimeProgress > 0 && overview.totals.offTrackWithoutCause > 0, JSON.stringify(overview.totals));
    await compare(reviewer, sent);
    await compare(reviewer, sent, api.unitId('office'));
    const view = (await reviewer.get(`/api/dashboard/monitoring?year=${YEAR}&department=${api.unitId('office')}`)).body;
    assert.deepEqual(view.department, { id: api.unitId('office'), name: view.departments.find((d: any) => d.id === api.unitId('office')).name });
    assert.equal(view.departments.find((d: any) => d.id === api.unitId('office')).units, 2);
    assert.ok((await reviewer.get('/api/dashboard/monitoring')).body.years.includes(YEAR));
  });

  test('the department: its units’ sent monitoring; a unit’s roles: their own unit’s, drafts too', async () => {
    const office = api.unitId('office');
    await compare(await api.as('department'), stored.filter((s) => SENT.has(s.status) && s.department === office), office);
    await compare(await api.as('preparer2'), stored.filter((s) => s.unitId === api.unitId('center')));
    await compare(await api.as('approver'), stored.filter((s) => s.unitId === office), office);
    const foreign = await (await api.as('preparer2')).get(`/api/dashboard/monitoring?year=${YEAR}&department=${office}`);
    assert.deepEqual(foreign.body.units.map((u: any) => u.id), [api.unitId('center')], 'a drill into the department shows only what the unit sees');
    assert.equal((await api.anonymous().get('/api/dashboard/monitoring')).status, 401);
  });

  test('the projects off track or behind: paged, complete, in order, each as stored', async () => {
    const reviewer = await api.as('reviewer');
    const sent = stored.filter((s) => SENT.has(s.status)).map((s) => ({ s, summary: rowOf(s) }));
    const attention = sent.filter(({ summary }) => summary.indicatorsOffTrack > 0 || summary.spendingBehind);
    const seen: any[] = [];
    for (let offset = 0; ; offset += 7) {
      const page = await reviewer.get(`/api/dashboard/monitoring/projects?year=${YEAR}&limit=7&offset=${offset}`);
      assert.equal(page.status, 200);
      assert.equal(page.body.total, attention.length);
      seen.push(...page.body.items);
      if (page.body.items.length < 7) break;
    }
    assert.deepEqual(seen.map((p) => p.id).sort(), attention.map(({ s }) => s.id).sort());
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]];
      assert.ok(a.indicatorsOffTrack >= b.indicatorsOffTrack, 'most indicators off track first');
      if (a.indicatorsOffTrack === b.indicatorsOffTrack && a.pointsBehind !== null && b.pointsBehind !== null) assert.ok(Number(a.pointsBehind) >= Number(b.pointsBehind));
    }
    const one = seen[0];
    const { department: _d, unit: _u, ...summary } = attention.find(({ s }) => s.id === one.id)!.summary;
    assert.deepEqual(Object.fromEntries(Object.keys(summary).map((k) => [k, one[k]])), summary);
    const behind = await reviewer.get(`/api/dashboard/monitoring/projects?year=${YEAR}&list=behind&unit=${api.unitId('center')}&limit=200`);
    assert.deepEqual(behind.body.items.map((p: any) => p.id).sort(), sent.filter(({ s, summary }) => summary.spendingBehind && s.unitId === api.unitId('center')).map(({ s }) => s.id).sort());
    const overspend = await reviewer.get(`/api/dashboard/monitoring/projects?year=${YEAR}&list=overspend&limit=200`);
    assert.equal(overspend.body.total, sent.filter(({ summary }) => summary.overspendExpected).length);
    assert.equal((await reviewer.get('/api/dashboard/monitoring/projects?list=nonsense')).status, 400);
  });

  test('the cycle service writes the summary on create, save and transition', async () => {
    const preparer = await api.as('preparer');
    const document = nationalMonitoring();
    document.year = YEAR + 1;
    document.asOf = `${YEAR + 1}-07-31`;
    document.project.code = `S${crypto.randomUUID().slice(0, 8)}`;
    const created = await preparer.post('/api/monitoring', { monitoring: document });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const view = async () => (await preparer.get(`/api/dashboard/monitoring?year=${YEAR + 1}`)).body.totals;
    assert.deepEqual(await view(), monitoringOverview([{ department: '', unit: '', ...summarizeMonitoring(document, registry.get(document.template)!) }]).totals);
    assert.equal((await view()).offTrack, 0);
    document.indicators[4]!.expectedYearEnd = '80%';
    const saved = await preparer.put(`/api/monitoring/${created.body.id}`, { version: 1, monitoring: document });
    assert.equal(saved.status, 200);
    assert.equal((await view()).offTrack, 1, 'a save rewrites the summary');
    // A row without its summary (as a template added later leaves it) is summarised again by a step of the workflow.
    await api.database().db.updateTable('cycle_documents').set({ as_of: null, indicators_off_track: null }).where('id', '=', created.body.id).execute();
    assert.equal((await view()).offTrack, 0);
    assert.equal((await act(await api.as('approver'), `/api/monitoring/${created.body.id}`, { action: 'submit' })).status, 200);
    assert.equal((await view()).offTrack, 1, 'a transition rewrites the summary');
  });

  test('rows stored without the summary are summarised at start (the migration and serve)', async () => {
    const db = api.database().db;
    const ids = stored.slice(0, 5).map((s) => s.id);
    const before = await db.selectFrom('cycle_documents').selectAll().where('id', 'in', ids).orderBy('id').execute();
    await db.updateTable('cycle_documents').set({ as_of: null, budget_fen: null, indicators_off_track: null, spending_behind: null }).where('id', 'in', ids).execute();
    assert.ok((await summarizeStoredMonitoring(db, registry)) >= 5);
    assert.deepEqual(await db.selectFrom('cycle_documents').selectAll().where('id', 'in', ids).orderBy('id').execute(), before);
    assert.equal(await summarizeStoredMonitoring(db, registry), 0, 'nothing left to do');
  });

  test('the demo: projects of 2022 with approved targets and monitoring that the view shows', async () => {
    const reviewer = await api.as('reviewer');
    const view = (await reviewer.get('/api/dashboard/monitoring?year=2022')).body;
    assert.equal(view.totals.projects, 10, 'five of each unit sent, one a draft');
    assert.ok(view.totals.offTrack > 0 && view.totals.behindTimeProgress > 0, JSON.stringify(view.totals));
    assert.deepEqual(view.departments.map((d: any) => [d.id, d.units]), [[api.unitId('office'), 2]]);
    assert.equal((await (await api.as('preparer')).get('/api/dashboard/monitoring?year=2022')).body.totals.projects, 6, 'the unit sees its draft too');
    const listed = (await reviewer.get('/api/dashboard/monitoring/projects?year=2022')).body;
    assert.ok(listed.total > 0);
    for (const item of listed.items) {
      const detail = await reviewer.get(`/api/monitoring/${item.id}`);
      assert.equal(detail.status, 200, 'each listed project opens its monitoring');
      assert.deepEqual(detail.body.findings.filter((f: any) => f.severity === 'error'), [], 'sent monitoring passes its checks');
    }
    const targets = (await reviewer.get('/api/targets?year=2022')).body;
    assert.equal(targets.total, 12);
    assert.ok(targets.items.every((t: any) => t.status === 'approved' && t.approved));
  });
});
