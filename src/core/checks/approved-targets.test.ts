/** An evaluation against its approved targets: each check fails at its path and passes its near misses. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nationalMonitoring, nationalTargets, nationalWithIds } from '../../../test/support/cycle-fixtures.ts';
import { render } from '../locale/messages.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { Monitoring } from '../model/monitoring.ts';
import type { Targets } from '../model/targets.ts';
import { checkAgainstTargets, checkMonitoringAgainstTargets, sameTarget } from './approved-targets.ts';
import { CYCLE_CHECKS, type CycleCheckCode } from './finding.ts';
import { placedMessage } from './place.ts';

function at(e: Evaluation, t: Targets, code: CycleCheckCode): string[] {
  return checkAgainstTargets(e, t).filter((f) => f.code === code).map((f) => f.path);
}

test('the evaluation of its own approved targets has no finding', () => {
  assert.deepEqual(checkAgainstTargets(nationalWithIds(), nationalTargets()), []);
});

type Case = { name: string; change: (e: Evaluation, t: Targets) => void; paths: string[] };

const FAILING: Record<'TARGET_CHANGED' | 'WEIGHT_CHANGED' | 'INDICATOR_REMOVED' | 'INDICATOR_ADDED', Case[]> = {
  TARGET_CHANGED: [
    { name: 'a target lowered', change: (e) => { e.indicators[4]!.target = '>=85%'; }, paths: ['indicators[4].target'] },
    { name: 'the operator changed', change: (e) => { e.indicators[0]!.target = '≥100%'; }, paths: ['indicators[0].target'] },
    { name: 'a unit added', change: (e) => { e.indicators[0]!.target = '=100个'; }, paths: ['indicators[0].target'] },
    { name: 'a target emptied', change: (e) => { e.indicators[2]!.target = ''; }, paths: ['indicators[2].target'] },
    { name: 'matched by words when the evaluation has no ids', change: (e) => { for (const i of e.indicators) delete i.id; e.indicators[1]!.target = '=90%'; }, paths: ['indicators[1].target'] },
  ],
  WEIGHT_CHANGED: [
    { name: 'a point moved', change: (e) => { e.indicators[0]!.weight = 11; e.indicators[1]!.weight = 19; }, paths: ['indicators[0].weight', 'indicators[1].weight'] },
    { name: 'a weight removed', change: (e) => { delete e.indicators[3]!.weight; }, paths: ['indicators[3].weight'] },
  ],
  INDICATOR_REMOVED: [{ name: 'an approved indicator dropped', change: (e) => { e.indicators.splice(2, 1); }, paths: ['indicators'] }],
  INDICATOR_ADDED: [
    { name: 'a new indicator', change: (e) => { e.indicators.push({ category: 'output', subcategory: '数量指标', name: '新增场次', target: '≥2场', weight: 0 }); }, paths: ['indicators[5].name'] },
    { name: 'renamed without its id: removed and added', change: (e) => { delete e.indicators[2]!.id; e.indicators[2]!.name = '结算及时'; }, paths: ['indicators[2].name'] },
  ],
};

const PASSING: Case[] = [
  { name: 'the same target spelt otherwise (》=, full width, spaces)', change: (e) => { e.indicators[4]!.target = '》= 90％'; }, paths: [] },
  { name: 'the same quantity with a multiplier', change: (e, t) => { t.indicators[3]!.target = '≥1万人次'; e.indicators[3]!.target = '≥10000人次'; }, paths: [] },
  { name: 'no ids and 二级指标 not read: 一级 + 三级 words', change: (e) => { for (const i of e.indicators) { delete i.id; delete i.subcategory; } }, paths: [] },
  { name: 'indicators reordered', change: (e) => { e.indicators.reverse(); }, paths: [] },
  { name: 'no ids, words in other widths and spaces', change: (e) => { for (const i of e.indicators) delete i.id; e.indicators[0]!.name = ' 与委托运营方 结算完成率'; }, paths: [] },
  { name: 'renamed, keeping its id', change: (e) => { e.indicators[2]!.name = '结算及时'; }, paths: [] },
  { name: 'an approved adjustment: the newest approved version has the new target', change: (e, t) => { e.indicators[4]!.target = '>=85%'; t.indicators[4]!.target = '≥85%'; }, paths: [] },
  { name: 'actuals, scores and remarks are the evaluation’s own', change: (e) => { e.indicators[0]!.actual = '80%'; e.indicators[0]!.score = 8; e.indicators[0]!.remark = '未完成'; }, paths: [] },
];

describe('each cross-document check fails where it should, at its path', () => {
  for (const [code, cases] of Object.entries(FAILING) as Array<[CycleCheckCode, Case[]]>) {
    for (const c of cases) {
      test(`${code}: ${c.name}`, () => {
        const e = nationalWithIds();
        const t = nationalTargets();
        c.change(e, t);
        assert.deepEqual(at(e, t, code), c.paths);
        for (const f of checkAgainstTargets(e, t).filter((x) => x.code === code)) assert.equal(f.severity, CYCLE_CHECKS[code]);
      });
    }
  }
});

describe('and passes near misses', () => {
  for (const c of PASSING) {
    test(c.name, () => {
      const e = nationalWithIds();
      const t = nationalTargets();
      c.change(e, t);
      assert.deepEqual(checkAgainstTargets(e, t), []);
    });
  }
});

test('the messages name the indicator, the approved and the stated values, placed on the row', () => {
  const e = nationalWithIds();
  const t = nationalTargets();
  e.indicators[4]!.target = '>=85%';
  e.indicators.splice(1, 1);
  const [changed, removed] = checkAgainstTargets(e, t);
  assert.equal(render(placedMessage(changed!, e), 'zh'), '第4行“场馆开放满意度”：指标值“>=85%”与批复的绩效目标“>=90%”不一致（未经批准的目标调整）');
  assert.match(render(changed!.message, 'en'), /"场馆开放满意度": target ">=85%" differs from the approved target ">=90%"/u);
  assert.match(render(removed!.message, 'zh'), /批复的绩效指标“合同结算条款完成率”（指标值“=100%”，分值 20）不在本表中/u);
});

test('sameTarget: the same comparison of the same quantity, or the same words', () => {
  assert.ok(sameTarget('≥50家', '》=50家'));
  assert.ok(sameTarget('较 满意', '较满意'));
  assert.ok(!sameTarget('≥50家', '>50家'));
  assert.ok(!sameTarget('≥50家', '≥50个'));
  assert.ok(!sameTarget('≥50%', '≥50'));
  assert.ok(!sameTarget('较满意', '满意'));
});

test('evaluate with the approved targets adds their findings to the form’s own, and an error blocks', async () => {
  const { evaluate, hasErrors } = await import('./run-checks.ts');
  const { template } = await import('../../../test/support/fixtures.ts');
  const e = nationalWithIds();
  const national = template('national-2020');
  assert.deepEqual(evaluate(e, national, nationalTargets()).findings, evaluate(e, national).findings);
  e.indicators[4]!.target = '>=85%';
  const own = evaluate(e, national).findings;
  const withTargets = evaluate(e, national, nationalTargets()).findings;
  assert.deepEqual(withTargets.slice(0, own.length), own);
  assert.deepEqual(withTargets.slice(own.length).map((f) => [f.code, f.path]), [['TARGET_CHANGED', 'indicators[4].target']]);
  assert.ok(hasErrors(withTargets.slice(own.length)));
});

describe('a monitoring against the approved targets (no weights to compare)', () => {
  const monitoringAt = (change: (m: Monitoring) => void) => {
    const m = nationalMonitoring();
    change(m);
    return checkMonitoringAgainstTargets(m, nationalTargets()).map((f) => [f.code, f.path, f.severity]);
  };

  test('the monitoring of its own approved targets has no finding, with or without ids, spelt otherwise', () => {
    assert.deepEqual(monitoringAt(() => {}), []);
    assert.deepEqual(monitoringAt((m) => { for (const i of m.indicators) delete i.id; }), []);
    assert.deepEqual(monitoringAt((m) => { m.indicators[4]!.target = '≥90%'; }), [], '">=90%" is "≥90%"');
  });

  test('a target changed, an approved indicator dropped, one added: each at its path', () => {
    assert.deepEqual(monitoringAt((m) => { m.indicators[4]!.target = '>=85%'; }), [['TARGET_CHANGED', 'indicators[4].target', 'error']]);
    assert.deepEqual(monitoringAt((m) => { m.indicators.splice(2, 1); }), [['INDICATOR_REMOVED', 'indicators', 'error']]);
    assert.deepEqual(monitoringAt((m) => { m.indicators.push({ ...m.indicators[0]!, id: 'new', name: '新增的指标' }); }), [['INDICATOR_ADDED', 'indicators[5].name', 'warning']]);
  });
});
