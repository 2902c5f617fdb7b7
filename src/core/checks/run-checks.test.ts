/** Each check of PRODUCT.md: a form that trips it (at the right path) and one that does not. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nationalEvaluation, seedEvaluations, template } from '../../../test/support/fixtures.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { CHECKS, type CheckCode, type EvaluationCheckCode } from './finding.ts';
import { evaluate } from './run-checks.ts';

/** Seed form 3: a Shanghai form with no finding at all. */
function cleanShanghai(): Evaluation {
  return seedEvaluations()[2]!;
}

/** The national example with its arithmetic mended and full execution: no finding at all. */
function cleanNational(): Evaluation {
  const e = nationalEvaluation();
  e.project.executed = '250000.00';
  e.project.executionRate = '100.00';
  e.funding![0]!.executed = '250000.00';
  e.execution = { weight: 10, score: 10 };
  e.totals = { weight: 100, score: 100 };
  return e;
}

function findings(e: Evaluation) {
  return evaluate(e, template(e.template)).findings;
}

function at(e: Evaluation, code: CheckCode): string[] {
  return findings(e).filter((f) => f.code === code).map((f) => f.path);
}

test('the clean bases have no finding', () => {
  assert.deepEqual(findings(cleanShanghai()), []);
  assert.deepEqual(findings(cleanNational()), []);
});

type Case = { name: string; base: () => Evaluation; change: (e: Evaluation) => void; paths: string[] };

const FAILING: Record<EvaluationCheckCode, Case[]> = {
  WEIGHT_TOTAL: [
    { name: 'weights add to 101', base: cleanShanghai, change: (e) => { e.indicators[0]!.weight = 10; }, paths: ['indicators'] },
    { name: 'national without execution weight in the sum', base: cleanNational, change: (e) => { e.indicators[3]!.weight = 40; e.indicators[3]!.score = 40; }, paths: ['indicators'] },
  ],
  CATEGORY_WEIGHT: [
    { name: 'a point moved from output to effect', base: cleanShanghai, change: (e) => { e.indicators[0]!.weight = 8; e.indicators[0]!.score = 8; e.indicators[6]!.weight = 10; e.indicators[6]!.score = 10; }, paths: ['indicators[0].weight', 'indicators[6].weight'] },
    { name: 'an unknown category', base: cleanShanghai, change: (e) => { e.indicators[10]!.category = 'cost'; }, paths: ['indicators[10].category', 'indicators'] },
    { name: 'execution weight not the template’s', base: cleanNational, change: (e) => { e.execution = { weight: 20, score: 20 }; }, paths: ['execution.weight'] },
  ],
  SCORE_RANGE: [
    { name: 'score above weight', base: cleanShanghai, change: (e) => { e.indicators[2]!.score = 7.5; }, paths: ['indicators[2].score'] },
    { name: 'negative score', base: cleanShanghai, change: (e) => { e.indicators[2]!.score = -1; e.indicators[2]!.remark = '未完成'; }, paths: ['indicators[2].score'] },
    { name: 'execution score above its weight', base: cleanNational, change: (e) => { e.execution!.score = 11; }, paths: ['execution.score'] },
  ],
  TOTAL_MISMATCH: [
    { name: 'stated total not the sum', base: cleanShanghai, change: (e) => { e.totals!.score = 99; }, paths: ['totals.score'] },
    { name: 'stated total weight not the sum', base: cleanShanghai, change: (e) => { e.totals!.weight = 90; }, paths: ['totals.weight'] },
  ],
  GRADE_MISMATCH: [
    { name: '良好 for 100', base: cleanShanghai, change: (e) => { e.grade = '良好'; }, paths: ['grade'] },
    { name: 'national 良 for 100', base: cleanNational, change: (e) => { e.grade = '良'; }, paths: ['grade'] },
  ],
  RATE_MISMATCH: [
    { name: '86.19 for 86.18', base: nationalEvaluation, change: () => {}, paths: ['project.executionRate'] },
    { name: '99.99 for 100', base: cleanShanghai, change: (e) => { e.project.executionRate = '99.99'; }, paths: ['project.executionRate'] },
  ],
  EXECUTION_SCORE: [
    { name: '9 for 8.62', base: nationalEvaluation, change: (e) => { e.project.executionRate = '86.18'; e.execution!.score = 9; e.totals!.score = 99; }, paths: ['execution.score'] },
  ],
  OVERSPENT: [
    { name: 'executed above budget', base: cleanShanghai, change: (e) => { e.project.executed = '50000.01'; e.project.executionRate = '100.00'; }, paths: ['project.executed'] },
    { name: 'a funding row overspent', base: cleanNational, change: (e) => { e.funding![0]!.executed = '250000.01'; }, paths: ['funding[0].executed'] },
  ],
  MISSING_FIELD: [
    { name: 'blank project name and target', base: cleanShanghai, change: (e) => { e.project.name = ' '; e.indicators[4]!.target = ''; }, paths: ['project.name', 'indicators[4].target'] },
    { name: 'national actual and outcome missing', base: cleanNational, change: (e) => { delete e.indicators[1]!.actual; delete e.actualOutcome; }, paths: ['actualOutcome', 'indicators[1].actual'] },
    { name: 'no indicators at all', base: cleanShanghai, change: (e) => { e.indicators = []; }, paths: ['indicators'] },
  ],
  NEGATIVE_AMOUNT: [
    { name: 'a budget of −1000', base: cleanShanghai, change: (e) => { e.project.budgetPreviousYear = '-1000.00'; }, paths: ['project.budgetPreviousYear'] },
    { name: 'a funding row with a negative executed amount', base: cleanNational, change: (e) => { e.funding!.push({ source: '其他资金', adjusted: '0.00', executed: '-0.01' }); }, paths: ['funding[1].executed'] },
  ],
  DEDUCTION_UNEXPLAINED: [
    { name: 'a point lost without remark', base: cleanShanghai, change: (e) => { e.indicators[3]!.score = 6; e.totals!.score = 99; e.problems = '活动响应有延迟'; }, paths: ['indicators[3].score'] },
  ],
  HIGH_SCORE_LOW_EXECUTION: [
    { name: 'full marks at 80 % execution', base: cleanShanghai, change: (e) => { e.project.executed = '40000.00'; e.project.executionRate = '80.00'; e.problems = '执行偏慢'; }, paths: ['project.executionRate'] },
  ],
  PROBLEMS_UNSTATED: [
    { name: '无 while points were lost', base: cleanShanghai, change: (e) => { e.indicators[3]!.score = 6; e.indicators[3]!.remark = '响应延迟'; e.totals!.score = 99; }, paths: ['problems'] },
    { name: '暂无。 below 90 % execution', base: cleanShanghai, change: (e) => { e.project.executed = '44000.00'; e.project.executionRate = '88.00'; e.problems = '暂无。'; }, paths: ['problems'] },
  ],
  TARGET_RULE_MISMATCH: [
    { name: 'rule says 6 in 2021, target 5', base: cleanShanghai, change: (e) => { e.indicators[0]!.rule = '2021年活动举办次数满6次，得满分'; }, paths: ['indicators[0].rule'] },
    { name: 'rule says 6, target 5', base: cleanShanghai, change: (e) => { e.indicators[0]!.rule = '活动举办次数满6次，得满分'; }, paths: ['indicators[0].rule'] },
    { name: 'a threshold beside a deduction clause', base: cleanShanghai, change: (e) => { e.indicators[0]!.target = '≥10场'; e.indicators[0]!.rule = '满12场得满分，每少1场扣5分'; }, paths: ['indicators[0].rule'] },
    { name: 'a threshold after a deduction clause', base: cleanShanghai, change: (e) => { e.indicators[0]!.target = '≥10场'; e.indicators[0]!.rule = '每少1场扣5分，少于8场不得分'; }, paths: ['indicators[0].rule'] },
  ],
  TARGET_TOO_LOW: [
    { name: '150 % of the target', base: cleanNational, change: (e) => { e.indicators[4]!.target = '≥60%'; e.indicators[4]!.actual = '90%'; }, paths: ['indicators[4].target'] },
  ],
  QUALITATIVE_BAND: [
    { name: '部分达成 with full marks', base: cleanShanghai, change: (e) => { e.indicators[3]!.level = 'partial'; }, paths: ['indicators[3].score'] },
    { name: 'actual one level short, full marks', base: cleanNational, change: (e) => { e.indicators[2]!.actual = '基本及时'; }, paths: ['indicators[2].score'] },
  ],
};

const PASSING: Partial<Record<EvaluationCheckCode, Case[]>> = {
  RATE_MISMATCH: [
    { name: 'a rate written with more decimals', base: cleanShanghai, change: (e) => { e.project.executed = '41080.00'; e.project.executionRate = '82.160'; e.problems = '执行偏慢'; }, paths: [] },
    { name: 'a rate written with fewer decimals', base: cleanShanghai, change: (e) => { e.project.executed = '41080.00'; e.project.executionRate = '82.2'; e.problems = '执行偏慢'; }, paths: [] },
  ],
  EXECUTION_SCORE: [
    { name: 'score from the exact ratio, not the printed rate', base: cleanNational, change: (e) => {
      // 12.345 % exactly: the printed rate 12.35 gives 2.47 at weight 20, the exact ratio 2.469 → 2.47 too;
      // at weight 10 the printed rate gives 1.24 (1.235) and the exact ratio 1.23 (1.2345): both are accepted.
      e.project.executed = '30862.50'; e.project.executionRate = '12.35'; e.execution!.score = 1.23; },
      paths: [] },
  ],
  TARGET_RULE_MISMATCH: [
    { name: 'steps and points in the rule are not thresholds', base: cleanShanghai, change: (e) => { e.indicators[0]!.rule = '满5次得满分，每少1次扣0.5分'; }, paths: [] },
    { name: 'a year in the rule is not a threshold', base: cleanShanghai, change: (e) => { e.indicators[0]!.rule = '2021年度活动举办满5次，得满分'; }, paths: [] },
    { name: '每少1场扣5分 against ≥10场', base: cleanShanghai, change: (e) => { e.indicators[0]!.target = '≥10场'; e.indicators[0]!.rule = '每少1场扣5分'; }, paths: [] },
    { name: '每低于…扣N分 against a percent', base: cleanShanghai, change: (e) => { e.indicators[0]!.target = '≥95%'; e.indicators[0]!.rule = '每低于目标值1个百分点扣2分'; }, paths: [] },
    { name: '每减少1人扣0.5分 against ≥10人', base: cleanShanghai, change: (e) => { e.indicators[0]!.target = '≥10人'; e.indicators[0]!.rule = '每减少1人扣0.5分，扣完为止'; }, paths: [] },
    { name: 'the same amount written with 万', base: cleanShanghai, change: (e) => { e.indicators[6]!.target = '》=10000'; e.indicators[6]!.rule = '新增1万家得满分'; }, paths: [] },
  ],
  GRADE_MISMATCH: [{ name: 'no grade stated (national prints none)', base: cleanNational, change: (e) => { delete e.grade; }, paths: [] }],
  NEGATIVE_AMOUNT: [
    { name: 'zero and minus zero', base: cleanShanghai, change: (e) => { e.project.budgetPreviousYear = '0.00'; e.project.budgetInitial = '-0.00'; }, paths: [] },
    { name: 'a text where an amount would be (not this check’s)', base: cleanShanghai, change: (e) => { e.project.budgetInitial = ''; }, paths: [] },
  ],
  TARGET_TOO_LOW: [{ name: '111 % of the target', base: cleanNational, change: (e) => { e.indicators[4]!.target = '≥90%'; }, paths: [] }],
  QUALITATIVE_BAND: [{ name: '部分达成 within its band', base: cleanShanghai, change: (e) => { e.indicators[3]!.level = 'partial'; e.indicators[3]!.score = 5; }, paths: [] }],
};

describe('each check fails where it should, at the right path', () => {
  for (const [code, cases] of Object.entries(FAILING) as Array<[EvaluationCheckCode, Case[]]>) {
    for (const c of cases) {
      test(`${code}: ${c.name}`, () => {
        const e = c.base();
        c.change(e);
        assert.deepEqual(at(e, code), c.paths);
        const f = findings(e).find((x) => x.code === code)!;
        assert.equal(f.severity, code === 'MISSING_FIELD' ? 'error' : CHECKS[code]);
      });
    }
  }
});

describe('and passes near misses', () => {
  for (const [code, cases] of Object.entries(PASSING) as Array<[EvaluationCheckCode, Case[]]>) {
    for (const c of cases) {
      test(`${code}: ${c.name}`, () => {
        const e = c.base();
        c.change(e);
        assert.deepEqual(at(e, code), []);
      });
    }
  }
});

test('a blank department is a warning, not an error', () => {
  const e = cleanShanghai();
  e.project.department = '';
  assert.deepEqual(findings(e).map((f) => [f.code, f.severity, f.path]), [['MISSING_FIELD', 'warning', 'project.department']]);
});

test('every check code has a failing case', () => {
  assert.deepEqual(Object.keys(FAILING).sort(), Object.keys(CHECKS).sort());
});

test('the grade is computed, never asked: a Shanghai form with no stated grade has no MISSING_FIELD at grade', () => {
  const e = cleanShanghai();
  delete e.grade;
  assert.deepEqual(findings(e), []);
  // A blank total is not asked for either: it is the sum of the scores.
  delete e.totals;
  assert.deepEqual(findings(e), []);
  // A required field that is not computed still is.
  e.problems = '';
  assert.deepEqual(at(e, 'MISSING_FIELD'), ['problems']);
});

test('a new blank form does not ask for the grade it shows', async () => {
  const { blankEvaluation } = await import('../templates/blank-evaluation.ts');
  for (const id of ['shanghai-2021', 'national-2020']) {
    const paths = findings(blankEvaluation(template(id), 2026, '新项目')).filter((f) => f.code === 'MISSING_FIELD').map((f) => f.path);
    assert.ok(!paths.includes('grade'), id);
    assert.ok(paths.includes('project.budgetUnit'), id);
  }
});
