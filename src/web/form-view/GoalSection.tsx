/** 项目年度总目标 (Shanghai) or 年度总体目标 with 预期目标 | 实际完成情况 (national). */
import { useI18n } from '../locale/i18n.tsx';
import { TextCell } from './cells.tsx';
import { FindingLines } from './FindingMark.tsx';
import { useForm } from './form-context.tsx';

export function GoalSection() {
  const { evaluation, template, findings, change } = useForm();
  const { label } = useI18n();
  const set = (key: 'annualGoal' | 'actualOutcome') => (change ? (v: string | undefined) => change((e) => ({ ...e, [key]: v })) : undefined);
  const goal = template.fieldLabels['annualGoal'];
  const outcome = template.fieldLabels['actualOutcome'];
  if (!goal) return null;
  const heading = template.fieldLabels['form.goalHeading'];
  return (
    <table className="form-grid form-goal">
      <tbody>
        {outcome && heading ? (
          <>
            <tr>
              <th className="form-label" rowSpan={2}>{label(heading)}</th>
              <th className="form-subhead">{label(template.fieldLabels['form.goalExpected'] ?? goal)}</th>
              <th className="form-subhead">{label(template.fieldLabels['form.goalActual'] ?? outcome)}</th>
            </tr>
            <tr>
              <td className="form-value form-narrative">
                <TextCell multiline value={evaluation.annualGoal} onChange={set('annualGoal')} findings={findings.get('annualGoal')} testId="field-annualGoal" path="annualGoal" label={label(goal)} />
                <FindingLines findings={findings.get('annualGoal')} />
              </td>
              <td className="form-value form-narrative">
                <TextCell multiline value={evaluation.actualOutcome} onChange={set('actualOutcome')} findings={findings.get('actualOutcome')} testId="field-actualOutcome" path="actualOutcome" label={label(outcome)} />
                <FindingLines findings={findings.get('actualOutcome')} />
              </td>
            </tr>
          </>
        ) : (
          <tr>
            <th className="form-label">{label(goal)}</th>
            <td className="form-value form-narrative">
              <TextCell multiline value={evaluation.annualGoal} onChange={set('annualGoal')} findings={findings.get('annualGoal')} testId="field-annualGoal" path="annualGoal" label={label(goal)} />
              <FindingLines findings={findings.get('annualGoal')} />
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
