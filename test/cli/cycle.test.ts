/** `jixiao check|export|template|import` with targets and monitoring files, end to end through the executable. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { nationalMonitoring, nationalTargets, nationalWithIds } from '../support/cycle-fixtures.ts';
import { runCli } from '../support/run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'jixiao-cycle-'));
function file(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}
const out = (name: string) => join(scratch, name);

type Report = Record<string, Array<{ project: string; findings: Array<{ code: string; path: string; severity: string }>; targets?: { index: number | null; reason?: string } }>>;

describe('jixiao check', () => {
  test('a monitoring file: the monitoring checks at their paths, warnings exit 0, an overspend exits 1', () => {
    const lagging = nationalMonitoring();
    lagging.funding![0]!.executedToDate = '10000.00';
    lagging.indicators[0]!.expectedYearEnd = '90%';
    const overspent = nationalMonitoring();
    overspent.funding![0]!.expectedYearEnd = '140000.00';
    const warned = runCli(['check', file('lag.json', { monitoring: [lagging] }), '--json']);
    assert.equal(warned.code, 0, warned.stderr);
    const codes = (JSON.parse(warned.stdout) as Report).monitoring![0]!.findings.map((f) => `${f.code} ${f.path}`);
    assert.deepEqual(codes, ['MONITOR_EXECUTION_LAG funding[0].executedToDate', 'MONITOR_OFF_TRACK indicators[0].deviationCauses', 'MONITOR_LIKELIHOOD indicators[0].likelihood']);
    const failed = runCli(['check', file('over.json', { monitoring: [overspent] }), '--lang', 'en']);
    assert.equal(failed.code, 1);
    assert.match(failed.stdout, /error MONITOR_EXPECTED_OVERSPEND funding\[0\]\.expectedYearEnd/u);
    assert.match(failed.stdout, /as of 2024-07-31/u);
  });

  test('an on-track monitoring file and a targets file have no findings', () => {
    for (const [name, content] of [['ok-m.json', { monitoring: [nationalMonitoring()] }], ['ok-t.json', { targets: [nationalTargets()] }]] as const) {
      const run = runCli(['check', file(name, content), '--json']);
      assert.equal(run.code, 0, run.stderr);
      const report = JSON.parse(run.stdout) as Report;
      const [kind] = Object.keys(report);
      assert.deepEqual(report[kind!]![0]!.findings, []);
    }
  });

  test('a targets file whose weights do not add up: the error at its path, exit 1 (the server’s checks)', () => {
    const off = nationalTargets();
    off.indicators[0]!.weight = 11;
    const run = runCli(['check', file('off-t.json', { targets: [off] }), '--json']);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as Report).targets![0]!.findings.map((f) => [f.code, f.path]), [['WEIGHT_TOTAL', 'indicators'], ['CATEGORY_WEIGHT', 'indicators[0].weight']]);
  });

  test('a targets file that breaks the schema is refused at the path, exit 2', () => {
    const broken = nationalTargets() as unknown as { indicators: Array<Record<string, unknown>> };
    broken.indicators[2]!.weight = 'ten';
    const run = runCli(['check', file('bad-t.json', { targets: [broken] })]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /targets\[0\]\.indicators\[2\]\.weight/u);
  });

  test('--targets: each evaluation against its project’s targets; a changed target is an error at its path; no match is said', () => {
    const changed = nationalWithIds();
    changed.indicators[1]!.target = '=95%';
    const stranger = nationalWithIds();
    stranger.project.name = '没有目标的项目';
    const evaluations = file('evals.json', { evaluations: [changed, stranger] });
    const targets = file('targets.json', { targets: [nationalTargets()] });
    const run = runCli(['check', evaluations, '--targets', targets, '--json']);
    assert.equal(run.code, 1);
    const [first, second] = (JSON.parse(run.stdout) as Report).evaluations!;
    assert.deepEqual(first!.targets, { index: 0 });
    assert.ok(first!.findings.some((f) => f.code === 'TARGET_CHANGED' && f.path === 'indicators[1].target' && f.severity === 'error'));
    assert.equal(second!.targets?.index, null);
    assert.equal(second!.targets?.reason, 'none');
    assert.ok(!second!.findings.some((f) => f.code.startsWith('TARGET_') || f.code.startsWith('INDICATOR_')));
    assert.match(run.stderr, /1 of 2 evaluation\(s\) have no single matching approved targets/u);
  });

  test('--targets: a project code decides over the name; the same targets twice is no match, not a guess', () => {
    const evaluation = nationalWithIds();
    evaluation.project.code = 'P-001';
    evaluation.project.name = '改过名的项目';
    const approved = nationalTargets();
    approved.project.code = 'P-001';
    const matched = runCli(['check', file('coded.json', { evaluations: [evaluation] }), '--targets', file('coded-t.json', { targets: [approved] }), '--json']);
    assert.deepEqual((JSON.parse(matched.stdout) as Report).evaluations![0]!.targets, { index: 0 });
    const twice = runCli(['check', file('coded2.json', { evaluations: [evaluation] }), '--targets', file('twice-t.json', { targets: [approved, approved] }), '--json']);
    assert.equal((JSON.parse(twice.stdout) as Report).evaluations![0]!.targets?.reason, 'several');
  });

  test('--targets with a targets or monitoring FILE is an input error', () => {
    const run = runCli(['check', file('m-only.json', { monitoring: [nationalMonitoring()] }), '--targets', file('t-only.json', { targets: [nationalTargets()] })]);
    assert.equal(run.code, 2);
  });
});

describe('jixiao export → jixiao import', () => {
  for (const [kind, documents] of [['targets', [nationalTargets()]], ['monitoring', [nationalMonitoring()]]] as const) {
    test(`${kind}: PDF and XLSX read back as the same ${kind} file`, () => {
      const input = file(`${kind}.json`, { [kind]: documents });
      const exported = runCli(['export', input, '--pdf', out(`${kind}.pdf`), '--xlsx', out(`${kind}.xlsx`)]);
      assert.equal(exported.code, 0, exported.stderr);
      const back = out(`${kind}-back.json`);
      const report = out(`${kind}-report.json`);
      const imported = runCli(['import', out(`${kind}.pdf`), out(`${kind}.xlsx`), '--out', back, '--json-report', report]);
      assert.equal(imported.code, 0, imported.stderr);
      const withoutIds = (value: unknown) => JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'id' ? undefined : v))) as unknown;
      assert.deepEqual(JSON.parse(readFileSync(back, 'utf8')), { [kind]: withoutIds([...documents, ...documents]) });
      assert.equal((JSON.parse(readFileSync(report, 'utf8')) as { schema: string }).schema, `jixiao/${kind}@1`);
    });
  }

  test('open data CSV of monitoring: one row per indicator, formulas escaped', () => {
    const monitoring = nationalMonitoring();
    monitoring.indicators[0]!.remark = '=HYPERLINK("http://x")';
    const run = runCli(['export', file('od.json', { monitoring: [monitoring] }), '--csv', out('od.csv')]);
    assert.equal(run.code, 0, run.stderr);
    const lines = readFileSync(out('od.csv'), 'utf8').trim().split('\r\n');
    assert.equal(lines.length, 1 + monitoring.indicators.length);
    assert.match(lines[0]!, /监控截止日期/u);
    assert.match(lines[1]!, /'=HYPERLINK/u);
    assert.match(lines[1]!, /确定能/u);
  });

  test('a targets file and a monitoring file in one import are refused', () => {
    runCli(['export', file('t2.json', { targets: [nationalTargets()] }), '--xlsx', out('t2.xlsx')]);
    runCli(['export', file('m2.json', { monitoring: [nationalMonitoring()] }), '--xlsx', out('m2.xlsx')]);
    const run = runCli(['import', out('t2.xlsx'), out('m2.xlsx'), '--out', out('mixed.json')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /different kinds of document/u);
  });
});

describe('jixiao template --document', () => {
  test('writes the blank national targets and monitoring forms with their titles and funding rows', async () => {
    for (const [document, title, row] of [['targets', '项目支出绩效目标申报表', '其中：财政拨款'], ['monitoring', '项目支出绩效目标执行监控表', '上年结转资金']] as const) {
      const path = out(`blank-${document}.xlsx`);
      const run = runCli(['template', '--xlsx', path, '--template', 'national-2020', '--document', document]);
      assert.equal(run.code, 0, run.stderr);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const texts: string[] = [];
      workbook.worksheets[0]!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value ?? ''))));
      assert.equal(texts[0], title);
      assert.ok(texts.includes(row), row);
      assert.ok(texts.includes('数量指标'));
    }
  });

  test('a template without that layout is said, with those that have one', () => {
    const run = runCli(['template', '--xlsx', out('none.xlsx'), '--template', 'shanghai-2021', '--document', 'monitoring']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no monitoring layout \(templates that have one: national-2020\)/u);
  });
});
