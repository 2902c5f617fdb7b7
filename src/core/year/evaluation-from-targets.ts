/**
 * "Create from targets": the year-end self-evaluation of a project made from its approved targets
 * (PRODUCT.md, "The cycle"). The indicator table is the targets' — category, subcategory, name,
 * target, weight, rule, and the id, so the lineage and the cross-document checks find each
 * indicator again — and the project, its goal and the amounts declared per funding row come
 * along; everything that records what happened (actuals, scores, remarks, spending, the outcome,
 * the narratives) is the template's blank.
 */
import type { Evaluation, Indicator } from '../model/evaluation.ts';
import type { TargetIndicator, Targets } from '../model/targets.ts';
import { matchKey } from '../targets/normalize.ts';
import { blankEvaluation } from '../templates/blank-evaluation.ts';
import type { Template } from '../templates/template.ts';

export function createEvaluationFromTargets(targets: Targets, template: Template): Evaluation {
  const base = blankEvaluation(template, targets.year, targets.project.name, targets.project.budgetUnit ?? '');
  const { executed: _executed, executionRate: _rate, ...project } = targets.project;
  const evaluation: Evaluation = {
    ...base,
    project: { ...base.project, ...project },
    annualGoal: targets.annualGoal,
    indicators: targets.indicators.map(indicatorOf),
  };
  if (base.funding) evaluation.funding = declaredFunding(base.funding, targets, template);
  // The first row is 年度资金总额 (blank-evaluation.ts): its 年初预算数 is the project's.
  const total = evaluation.funding?.[0]?.initial;
  if (template.execution.scored && total && !project.budgetInitial) evaluation.project.budgetInitial = total;
  return evaluation;
}

const INDICATOR_FIELDS = ['id', 'category', 'subcategory', 'name', 'target', 'weight', 'rule'] as const satisfies ReadonlyArray<keyof TargetIndicator & keyof Indicator>;

function indicatorOf(wanted: TargetIndicator): Indicator {
  const out: Record<string, unknown> = {};
  for (const key of INDICATOR_FIELDS) if (wanted[key] !== undefined) out[key] = wanted[key];
  return out as Indicator;
}

/**
 * The declared amount of each funding row goes to the evaluation's row of the same kind as the
 * 年初预算数: rows are matched by the label key both layouts share (`form.funding.total` …), as
 * the two forms word a row differently (其中：财政拨款 / 其中：当年财政拨款).
 */
function declaredFunding(rows: NonNullable<Evaluation['funding']>, targets: Targets, template: Template): NonNullable<Evaluation['funding']> {
  const labels = template.documents?.targets?.fieldLabels ?? {};
  const keyOf = new Map<string, string>();
  for (const [key, label] of Object.entries(labels)) for (const word of [label.zh, ...label.aliases]) keyOf.set(matchKey(word), key);
  const declared = new Map<string, string>();
  for (const row of targets.funding ?? []) {
    const key = keyOf.get(matchKey(row.source));
    const label = key === undefined ? undefined : template.fieldLabels[key]?.zh;
    declared.set(matchKey(label ?? row.source), row.budget);
  }
  return rows.map((row) => {
    const budget = declared.get(matchKey(row.source));
    return budget === undefined ? row : { ...row, initial: budget };
  });
}
