/** `jixiao check` end to end through the executable. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { NATIONAL_FILE, SEED_FILE } from '../support/fixtures.ts';
import { runCli } from '../support/run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
function file(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

type CheckJson = {
  evaluations: Array<{
    project: string;
    computed: { weight: number; score: number; grade: string; executionRate: string };
    findings: Array<{ code: string; severity: string; path: string; message: string; messages: { zh: string; en: string } }>;
  }>;
};

describe('the seed fixture', () => {
  const run = runCli(['check', SEED_FILE, '--json']);
  const report = JSON.parse(run.stdout) as CheckJson;

  test('exits 0: no finding is an error', () => assert.equal(run.code, 0));

  test('computes 95 / 100 / 100, 优秀 ×3, rates 62.16 / 100.00 / 100.00', () => {
    assert.deepEqual(
      report.evaluations.map((e) => [e.project, e.computed.weight, e.computed.score, e.computed.grade, e.computed.executionRate]),
      [
        ['金融业务费用', 100, 95, '优秀', '62.16'],
        ['中介机构服务费', 100, 100, '优秀', '100.00'],
        ['金融服务费用', 100, 100, '优秀', '100.00'],
      ],
    );
  });

  test('finds exactly what PRODUCT.md expects', () => {
    assert.deepEqual(
      report.evaluations.map((e) => e.findings.map((f) => [f.code, f.severity, f.path])),
      [
        [
          ['DEDUCTION_UNEXPLAINED', 'warning', 'indicators[8].score'],
          ['DEDUCTION_UNEXPLAINED', 'warning', 'indicators[14].score'],
          ['DEDUCTION_UNEXPLAINED', 'warning', 'indicators[18].score'],
          ['DEDUCTION_UNEXPLAINED', 'warning', 'indicators[19].score'],
          ['DEDUCTION_UNEXPLAINED', 'warning', 'indicators[20].score'],
          ['HIGH_SCORE_LOW_EXECUTION', 'warning', 'project.executionRate'],
        ],
        [['MISSING_FIELD', 'warning', 'project.department']],
        [],
      ],
    );
  });

  test('messages in Chinese by default, both languages alongside', () => {
    const f = report.evaluations[0]!.findings[0]!;
    assert.equal(f.message, '“金洽会普陀展台相关报道”得分 2 低于权重 3，未说明扣分原因');
    assert.equal(f.messages.en, '"金洽会普陀展台相关报道" scores 2 of 3 and the deduction is not explained');
  });

  test('--lang en gives English messages', () => {
    const en = JSON.parse(runCli(['check', SEED_FILE, '--json', '--lang', 'en']).stdout) as CheckJson;
    assert.match(en.evaluations[1]!.findings[0]!.message, /^"Implementing department" is empty$/);
  });

  test('the readable report shows totals, grade and rate, then the findings', () => {
    const text = runCli(['check', SEED_FILE]);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /【1】金融业务费用（上海市普陀区金融服务办公室，2021年度，shanghai-2021）/);
    assert.match(text.stdout, /合计权重 100　总分 95　绩效等级 优秀　预算执行率 62\.16%/);
    assert.match(text.stdout, /警告 HIGH_SCORE_LOW_EXECUTION project\.executionRate: 指标得分率 95\.00%/);
    assert.match(text.stdout, /共 3 张表：0 个错误，7 个警告/);
  });
});

test('the national example: exactly RATE_MISMATCH and HIGH_SCORE_LOW_EXECUTION, exit 1', () => {
  const run = runCli(['check', NATIONAL_FILE, '--json']);
  assert.equal(run.code, 1);
  const e = (JSON.parse(run.stdout) as CheckJson).evaluations[0]!;
  assert.deepEqual(e.computed, { ...e.computed, weight: 100, score: 98.62, grade: '优', executionRate: '86.18' });
  assert.deepEqual(e.findings.map((f) => [f.code, f.severity]), [['RATE_MISMATCH', 'error'], ['HIGH_SCORE_LOW_EXECUTION', 'warning']]);
  assert.equal(e.findings[0]!.message, '填报预算执行率 86.19% 与 215457.60 ÷ 250000.00 = 86.18% 不符');
});

describe('input that cannot be read: exit 2 and a message naming the file and place', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a missing file', () => ['check', join(scratch, 'nope.json')], /nope\.json: cannot read the file: no such file/],
    ['malformed JSON', () => ['check', file('broken.json', '{"evaluations": [\n  {"schema": "jixiao/evaluation@1",}\n]}')], /broken\.json: line 2, column 36: invalid JSON/],
    ['an empty file', () => ['check', file('empty.json', '')], /empty\.json: the file is empty/],
    ['a field of the wrong type', () => ['check', file('type.json', JSON.stringify({ evaluations: [{ schema: 'jixiao/evaluation@1', template: 'shanghai-2021', year: 2021, project: { name: 'x' }, indicators: [{ name: 'a', weight: '3' }] }] }))], /type\.json: evaluations\[0\]\.indicators\[0\]\.weight: .*expected number/],
    ['an unknown template', () => ['check', file('tpl.json', JSON.stringify({ evaluations: [{ schema: 'jixiao/evaluation@1', template: 'mars-2030', year: 2021, project: { name: 'x' }, indicators: [] }] }))], /tpl\.json: evaluations\[0\]\.template: unknown template "mars-2030"/],
    ['not an evaluation file', () => ['check', file('array.json', '[1,2,3]')], /array\.json: \(root\): .*expected object/],
    ['a wrong option', () => ['check', SEED_FILE, '--lang', 'fr'], /--lang must be zh or en/],
    ['no file', () => ['check'], /expected one FILE/],
  ];
  for (const [name, args, message] of cases) {
    test(name, () => {
      const run = runCli(args());
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
  }
});

test('a template added as data with --templates', () => {
  const run = runCli(['check', 'test/fixtures/example-region-2023.json', '--templates', 'test/fixtures/templates/example-region-2023.json', '--json']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal((JSON.parse(run.stdout) as CheckJson).evaluations[0]!.computed.score, 94.24);
});

test('jixiao schema prints the JSON Schema', () => {
  const run = runCli(['schema']);
  assert.equal(run.code, 0);
  assert.equal(JSON.parse(run.stdout).title, 'jixiao/evaluation@1');
  for (const document of ['targets', 'monitoring']) {
    const one = runCli(['schema', '--document', document]);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(JSON.parse(one.stdout).title, `jixiao/${document}@1`);
  }
  const all = runCli(['schema', '--document', 'all']);
  assert.deepEqual(Object.entries(JSON.parse(all.stdout)).map(([key, schema]: [string, any]) => [key, schema.title]), [
    ['evaluation', 'jixiao/evaluation@1'], ['targets', 'jixiao/targets@1'], ['monitoring', 'jixiao/monitoring@1'],
  ]);
  const wrong = runCli(['schema', '--document', 'budget']);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /--document/u);
});
