import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { evaluate } from '../../core/checks/run-checks.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { templateRegistry } from '../../core/templates/registry.ts';
import { blankEvaluation } from '../../core/templates/blank-evaluation.ts';
import { diffEvaluations } from './diff.ts';
import { fromCore, indexByPath, worst } from './findings.ts';
import { addIndicator, groupIntoBlocks, moveIndicator, removeIndicator, updateIndicator } from './indicators.ts';

const templates = templateRegistry();
const shanghai = templates.get('shanghai-2021')!;
const national = templates.get('national-2020')!;
const seed = (JSON.parse(readFileSync(new URL('../../../demo/seed-2021-putuo.json', import.meta.url), 'utf8')) as { evaluations: Evaluation[] }).evaluations;
const form1 = seed[0]!;

test('the seed form 1 groups into its three blocks with subtotals', () => {
  const blocks = groupIntoBlocks(form1.indicators, shanghai);
  assert.deepEqual(blocks.map((b) => b.cap), [45, 35, 20]);
  assert.equal(blocks.reduce((n, b) => n + b.rows.length, 0), form1.indicators.length);
});

test('rows without a known 一级指标 form a block of their own', () => {
  const rows = [...form1.indicators, { name: 'x', category: 'nonsense' }];
  const blocks = groupIntoBlocks(rows, shanghai);
  assert.deepEqual(blocks.at(-1), { categories: [], cap: null, rows: [rows.length - 1] });
});

test('add puts the row at the end of its block, remove and move keep the others', () => {
  const added = addIndicator(form1.indicators, 'output', 'new-1');
  const lastOutput = form1.indicators.map((i) => i.category).lastIndexOf('output');
  assert.equal(added[lastOutput + 1]!.id, 'new-1');
  assert.equal(added.length, form1.indicators.length + 1);
  assert.deepEqual(removeIndicator(added, lastOutput + 1), form1.indicators);
  const rows = groupIntoBlocks(form1.indicators, shanghai)[0]!.rows;
  const moved = moveIndicator(form1.indicators, rows, rows[1]!, -1);
  assert.equal(moved[rows[0]!], form1.indicators[rows[1]!]);
  assert.deepEqual(moveIndicator(form1.indicators, rows, rows[0]!, -1), form1.indicators, 'the first row of a block stays');
});

test('clearing a number leaves the field out', () => {
  const out = updateIndicator(form1.indicators, 0, { score: undefined });
  assert.equal('score' in out[0]!, false);
});

test('a blank form checks without crashing and says what is missing', () => {
  for (const template of [shanghai, national]) {
    const blank = blankEvaluation(template, 2024, '测试项目');
    const { findings } = evaluate(blank, template);
    assert.ok(findings.some((f) => f.code === 'MISSING_FIELD'));
  }
});

test('findings are placed on the cell their path names', () => {
  const { findings } = evaluate(form1, shanghai);
  const index = indexByPath(fromCore(findings, (f) => f.code));
  const deducted = form1.indicators.findIndex((i) => (i.score ?? 0) < (i.weight ?? 0));
  assert.equal(worst(index.get(`indicators[${deducted}].score`)), 'warning');
  assert.equal(index.get('project.executionRate')?.[0]?.code, 'HIGH_SCORE_LOW_EXECUTION');
});

test('the difference of two versions lists changed fields by path; blank equals missing', () => {
  const theirs = { ...form1, project: { ...form1.project, name: '新名称' }, indicators: updateIndicator(form1.indicators, 2, { score: 1 }) };
  const mine = { ...form1, problems: form1.problems, improvements: form1.improvements, extra: '' };
  const diff = diffEvaluations(mine, theirs);
  assert.deepEqual(diff.map((d) => d.path), ['project.name', 'indicators[2].score']);
});

test('findings are grouped per indicator in row order, the rest of the form first, errors first (issue 14)', async () => {
  const { groupByIndicator, cellPathsFor } = await import('./findings.ts');
  const f = (path: string, severity: 'error' | 'warning' = 'error') => ({ code: 'X', severity, path, text: path });
  const groups = groupByIndicator([f('indicators[10].score'), f('indicators[2].remark', 'warning'), f('project.name'), f('indicators[2].score'), f('indicators')]);
  assert.deepEqual(groups.map((g) => [g.row, g.findings.map((x) => x.path)]), [
    [null, ['project.name', 'indicators']],
    [2, ['indicators[2].score', 'indicators[2].remark']],
    [10, ['indicators[10].score']],
  ]);
  assert.deepEqual(cellPathsFor('indicators[3].score'), ['indicators[3].score', 'indicators[3].name']);
  assert.deepEqual(cellPathsFor('funding[0].executed'), ['funding[0].executed', 'project.executed']);
  assert.deepEqual(cellPathsFor('project.name'), ['project.name']);
});
