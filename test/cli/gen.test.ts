/** `jixiao gen` on SQLite and PostgreSQL: counts, valid forms, statuses, and the same data for the same seed. */
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
  return {
    units,
    evaluations: evaluations.map((e) => ({ ...e, score: Number(e.score), execution_rate: e.execution_rate === null ? null : Number(e.execution_rate), document: readJson(e.document) })),
    audit: audit.map((a) => ({ ...a, changes: readJson(a.changes) })),
  };
}

async function clear(database: Database): Promise<void> {
  const { db } = database;
  await db.deleteFrom('audit_log').execute();
  await db.deleteFrom('evaluations').execute();
  await db.deleteFrom('units').execute();
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
    assert.match(out.join('\n'), /wrote 6 units, 72 evaluations .* and 72 audit entries .* in [\d.]+ s/u);

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

  test('the same seed gives the same data; another seed other data', async () => {
    await clear(database());
    await generate(database(), parseGenOptions(args.slice(1)), templates);
    assert.deepEqual(await dump(database()), first);

    await clear(database());
    await generate(database(), parseGenOptions([...args.slice(1, -1), '6']), templates);
    const other = await dump(database());
    assert.equal(other.evaluations.length, 72);
    assert.notDeepEqual(other.evaluations.map((e) => e.id), first.evaluations.map((e) => e.id));
    assert.notDeepEqual(other.evaluations.map((e) => e.document), first.evaluations.map((e) => e.document));
  });

  test('refuses to generate units the database already has', async () => {
    await assert.rejects(generate(database(), parseGenOptions(args.slice(1).map((a) => (a === '5' ? '6' : a))), templates), /already has the unit/u);
  });
});
