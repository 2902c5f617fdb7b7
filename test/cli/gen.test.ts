/**
 * `jixiao gen` on SQLite and PostgreSQL: counts, valid forms, statuses, and the same data for the
 * same seed; the latest year's cycle (approved targets with their frozen version, the evaluations
 * made from them and linked, monitoring in mixed statuses with their summary's columns).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../src/core/checks/run-checks.ts';
import { validateEvaluation } from '../../src/core/model/validate.ts';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { GEN_USERNAME, generate, parseGenOptions } from '../../src/cli/commands/gen.ts';
import { main } from '../../src/cli/main.ts';
import { readJson } from '../../src/storage/columns.ts';
import type { Database } from '../../src/storage/open-database.ts';
import { forEachDatabase } from '../../src/storage/test-databases.testing.ts';
import { checkAgainstTargets } from '../../src/core/checks/approved-targets.ts';
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import type { Monitoring } from '../../src/core/model/monitoring.ts';
import type { Targets } from '../../src/core/model/targets.ts';
import { summarizeMonitoring } from '../../src/core/year/monitoring-summary.ts';
import { monitoringColumnValues, MONITORING_COLUMNS } from '../../src/storage/monitoring-columns.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { scratchDatabase } from '../../src/storage/scratch-database.ts';
import { repositories } from '../../src/storage/repositories.ts';

const templates = templateRegistry();

/** Everything gen wrote, in a stable order, as plain values. */
async function dump(database: Database) {
  const { db } = database;
  const units = await db.selectFrom('units').select(['id', 'name', 'created_at']).orderBy('id').execute();
  const evaluations = await db
    .selectFrom('evaluations')
    .select(['id', 'unit_id', 'year', 'project', 'template', 'status', 'version', 'score', 'grade', 'execution_rate', 'budget_fen', 'executed_fen', 'return_reason', 'document', 'created_at', 'updated_at'])
    .orderBy('id')
    .execute();
  const audit = await db.selectFrom('audit_log').select(['evaluation_id', 'at', 'action', 'comment', 'changes']).orderBy('evaluation_id').execute();
  const rectifications = await db.selectFrom('rectification_items').selectAll().orderBy('id').execute();
  const applications = await db.selectFrom('results_applications').selectAll().orderBy('evaluation_id').execute();
  const cycle = await db.selectFrom('cycle_documents').selectAll().orderBy('id').execute();
  const versions = await db.selectFrom('cycle_document_versions').select(['document_id', 'number', 'action', 'status', 'content_hash', 'frozen_at']).orderBy('document_id').execute();
  const links = await db.selectFrom('evaluation_targets').selectAll().orderBy('evaluation_id').execute();
  return {
    cycle: cycle.map((c) => ({ ...c, document: readJson(c.document) })),
    versions,
    links,
    units,
    evaluations: evaluations.map((e) => ({ ...e, score: Number(e.score), execution_rate: e.execution_rate === null ? null : Number(e.execution_rate), document: readJson(e.document) })),
    audit: audit.map((a) => ({ ...a, changes: readJson(a.changes) })),
    rectifications: rectifications.map((r) => ({ ...r, evidence: readJson(r.evidence) })),
    applications,
  };
}

test('options: --years Y1-Y2 or one year, counts ≥ 1, seed default 1', () => {
  assert.deepEqual(parseGenOptions(['--units', '3', '--projects-per-unit', '2', '--years', '2021-2023']), { units: 3, projectsPerUnit: 2, years: [2021, 2023], seed: 1 });
  assert.deepEqual(parseGenOptions(['--units', '1', '--projects-per-unit', '1', '--years', '2024', '--seed', '9']).years, [2024, 2024]);
  assert.throws(() => parseGenOptions(['--units', '0', '--projects-per-unit', '1', '--years', '2024']), /--units/u);
  assert.throws(() => parseGenOptions(['--units', '1', '--projects-per-unit', '1', '--years', '2025-2021']), /--years/u);
});

forEachDatabase('jixiao gen', (database, _dialect, url) => {
  const args = ['gen', '--units', '6', '--projects-per-unit', '4', '--years', '2022-2024', '--seed', '5'];
  let first: Awaited<ReturnType<typeof dump>>;

  test('the command writes units × projects × years valid forms with one audit entry each', async () => {
    const out: string[] = [];
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url();
    try {
      assert.equal(await main(args, { out: (t) => out.push(t), err: (t) => out.push(t), input: async () => '' }), 0);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
    assert.match(out.join('\n'), /wrote 6 units, 72 evaluations .*, 24 approved targets and 24 monitoring \(.*\) of 2024, \d+ rectification items \(.*\) and \d+ results applications of 2024, and 120 audit entries .* in [\d.]+ s/u);

    first = await dump(database());
    assert.equal(first.units.length, 6);
    assert.equal(first.evaluations.length, 6 * 4 * 3);
    assert.equal(first.audit.length, 72);
    assert.ok(first.audit.every((a) => a.action === 'create' && /generated/u.test(a.comment ?? '')));
    const genUser = await database().db.selectFrom('users').select(['role']).where('username', '=', GEN_USERNAME).executeTakeFirstOrThrow();
    assert.equal(genUser.role, 'admin');

    const templatesSeen = new Set<string>();
    for (const e of first.evaluations) {
      const validated = validateEvaluation(e.document);
      assert.ok(validated.ok, `${e.id}: ${JSON.stringify(validated)}`);
      const report = evaluate(validated.value, templates.get(e.template)!);
      assert.deepEqual(report.findings.filter((f) => f.severity === 'error'), [], e.project);
      assert.equal(e.score, report.computed.score, 'the score column is the computed total');
      assert.equal(e.grade, report.computed.grade.label.zh);
      assert.equal(e.year, validated.value.year);
      assert.equal(e.return_reason !== null, e.status === 'returned');
      templatesSeen.add(e.template);
    }
    assert.deepEqual([...templatesSeen].sort(), ['national-2020', 'shanghai-2021']);
    // Past years are finished; the latest year has forms still being worked on.
    const past = first.evaluations.filter((e) => e.year < 2024);
    assert.ok(past.every((e) => ['published', 'approved', 'submitted'].includes(e.status)));
    assert.ok(past.filter((e) => e.status === 'published').length > past.length / 2);
    assert.ok(first.evaluations.some((e) => e.year === 2024 && e.status === 'draft'));
  });

  test('the latest year: approved targets, the evaluations made from them, monitoring in mixed statuses with its summary', async () => {
    const { db } = database();
    const latest = first.evaluations.filter((e) => e.year === 2024);
    const targets = first.cycle.filter((c) => c.kind === 'targets');
    const monitoring = first.cycle.filter((c) => c.kind === 'monitoring');
    assert.deepEqual([targets.length, monitoring.length, first.links.length], [24, 24, 24]);
    assert.ok(targets.every((t) => t.status === 'approved'));
    assert.ok(new Set(monitoring.map((m) => m.status)).size >= 3, `mixed statuses: ${monitoring.map((m) => m.status)}`);
    assert.ok(first.evaluations.filter((e) => e.year < 2024).every((e) => (e.document as Evaluation).project.code === undefined), 'earlier years as before');
    const repos = repositories(db);
    for (const t of targets) {
      const approved = await repos.cycle.latestApproved<Targets>(t.id);
      assert.ok(approved, 'a frozen approved version');
      assert.deepEqual(approved.document, t.document);
      const evaluationId = await repos.cycle.evaluationOf(t.id);
      const evaluation = latest.find((e) => e.id === evaluationId);
      assert.ok(evaluation, 'linked to its evaluation of the year');
      assert.equal(evaluation.unit_id, t.unit_id);
      assert.deepEqual(checkAgainstTargets(evaluation.document as Evaluation, approved.document), [], 'the evaluation answers to its targets');
    }
    for (const m of monitoring) {
      const document = m.document as Monitoring;
      const expected = monitoringColumnValues(summarizeMonitoring(document, templates.get(document.template)!));
      assert.deepEqual(Object.fromEntries(MONITORING_COLUMNS.map((c) => [c, m[c] === null ? null : c === 'as_of' ? m[c] : Number(m[c])])), expected);
      assert.equal(m.return_reason !== null, m.status === 'returned');
      assert.ok(targets.some((t) => t.unit_id === m.unit_id && t.project_code === m.project_code));
    }
    assert.ok(monitoring.some((m) => Number(m.indicators_off_track) > 0) || monitoring.some((m) => Number(m.spending_behind) === 1), 'something for the monitoring view');
  });

  test("the latest year's follow-up: rectification items on reviewed and returned forms, results applications on reviewed ones (issue 17)", () => {
    const byId = new Map(first.evaluations.map((e) => [e.id, e]));
    for (const r of first.rectifications) {
      const form = byId.get(r.evaluation_id)!;
      assert.equal(form.year, 2024);
      assert.ok(['approved', 'published', 'returned'].includes(form.status), form.status);
      assert.equal(r.unit_id, form.unit_id);
      assert.equal(r.project, form.project);
      assert.equal(r.measures !== null, r.status !== 'open');
      assert.equal(r.closed_at !== null, r.status === 'closed');
    }
    assert.ok(first.applications.length > 0, 'some results applied');
    for (const a of first.applications) assert.ok(['approved', 'published'].includes(byId.get(a.evaluation_id)!.status));
  });

  test('the same seed gives the same data; another seed other data', async () => {
    const again = async (seed: string) => {
      // A database of its own: generated versions are append-only, so the first is not cleared.
      const place = await scratchDatabase(_dialect, 'test', process.env.JIXIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
      const other = openDatabase(place.url);
      try {
        await migrateToLatest(other.db);
        await generate(other, parseGenOptions([...args.slice(1, -1), seed]), templates);
        return await dump(other);
      } finally {
        await other.close();
        await place.drop();
      }
    };
    assert.deepEqual(await again('5'), first);
    const other = await again('6');
    assert.equal(other.evaluations.length, 72);
    assert.notDeepEqual(other.evaluations.map((e) => e.id), first.evaluations.map((e) => e.id));
    assert.notDeepEqual(other.evaluations.map((e) => e.document), first.evaluations.map((e) => e.document));
  });

  test('refuses to generate units the database already has', async () => {
    await assert.rejects(generate(database(), parseGenOptions(args.slice(1).map((a) => (a === '5' ? '6' : a))), templates), /already has the unit/u);
  });
});
