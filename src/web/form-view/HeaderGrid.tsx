/**
 * The top of the form: 项目名称, 预算单位, 具体实施处, amounts, the execution rate, the annual goal,
 * as a label / value grid like the printed form. Which fields appear is the template's: a field
 * shows when the template has a label for it.
 */
import type { ReactNode } from 'react';
import type { Evaluation, Project } from '../../core/model/evaluation.ts';
import { useI18n } from '../locale/i18n.tsx';
import { formatRate } from '../format/numbers.ts';
import { AmountCell, ChoiceCell, TextCell } from './cells.tsx';
import { FindingLines } from './FindingMark.tsx';
import { useForm } from './form-context.tsx';

type ProjectText = 'name' | 'budgetUnit' | 'department';
type ProjectAmount = 'budgetInitial' | 'budgetCurrentYear' | 'budgetPreviousYear' | 'executed';

interface Field {
  path: string;
  wide?: boolean;
  render: (edit: boolean) => ReactNode;
}

export function HeaderGrid() {
  const { evaluation, template, computed, findings, change } = useForm();
  const { label, t } = useI18n();
  const edit = change !== undefined;
  // National forms carry the amounts in the funding table below; the grid keeps the rest.
  const hasFunding = template.fieldLabels['form.fundingHeading'] !== undefined;
  const setProject = (patch: Partial<Project>) => change?.((e) => ({ ...e, project: { ...e.project, ...patch } }));
  const setTop = (patch: Partial<Evaluation>) => change?.((e) => ({ ...e, ...patch }));

  // A header field's input is named by its label and carries its path (cells.tsx).
  const named = (path: string) => ({ path, label: template.fieldLabels[path] ? label(template.fieldLabels[path]) : path });
  const text = (key: ProjectText, wide = false): Field => ({
    path: `project.${key}`,
    wide,
    render: (e: boolean) => <TextCell value={evaluation.project[key]} onChange={e ? (v) => setProject({ [key]: v }) : undefined} findings={findings.get(`project.${key}`)} testId={`field-project.${key}`} {...named(`project.${key}`)} />,
  });
  const amount = (key: ProjectAmount): Field => ({
    path: `project.${key}`,
    render: (e: boolean) => <AmountCell value={evaluation.project[key]} onChange={e ? (v) => setProject({ [key]: v }) : undefined} findings={findings.get(`project.${key}`)} testId={`field-project.${key}`} {...named(`project.${key}`)} />,
  });
  const fields: Field[] = [
    text('name', true),
    text('budgetUnit'),
    text('department'),
    {
      path: 'project.recurring',
      render: (e: boolean) => (
        <ChoiceCell<'yes' | 'no'>
          value={evaluation.project.recurring === undefined ? undefined : evaluation.project.recurring ? 'yes' : 'no'}
          options={[
            { value: 'yes', label: template.fieldLabels['form.yes'] ? label(template.fieldLabels['form.yes']) : t('form.yes') },
            { value: 'no', label: template.fieldLabels['form.no'] ? label(template.fieldLabels['form.no']) : t('form.no') },
          ]}
          onChange={e ? (v) => setProject({ recurring: v === undefined ? undefined : v === 'yes' }) : undefined}
          testId="field-project.recurring"
          {...named('project.recurring')}
        />
      ),
    },
    ...(hasFunding ? [] : [amount('budgetCurrentYear'), amount('budgetPreviousYear'), amount('executed')]),
    ...(hasFunding
      ? []
      : [
          {
            path: 'project.executionRate',
            render: (_e: boolean) => <span className="cell-number computed" data-testid="field-project.executionRate">{formatRate(computed.executionRate ?? evaluation.project.executionRate)}</span>,
          },
        ]),
    {
      path: 'evaluatedOn',
      render: (e: boolean) =>
        e ? (
          <input type="date" className="date-input" value={evaluation.evaluatedOn ?? ''} onChange={(ev) => setTop({ evaluatedOn: ev.target.value })} data-testid="field-evaluatedOn" data-path="evaluatedOn" aria-label={named('evaluatedOn').label} />
        ) : (
          <span>{evaluation.evaluatedOn}</span>
        ),
    },
  ].filter((f) => template.fieldLabels[f.path] !== undefined);

  return (
    <table className="form-grid" data-testid="header-grid">
      <tbody>
        {pairUp(fields).map((row, i) => (
          <tr key={i}>
            {row.map((f) => (
              <HeaderCell key={f.path} title={label(template.fieldLabels[f.path]!)} wide={f.wide ?? false} findings={f.path}>
                {f.render(edit)}
              </HeaderCell>
            ))}
          </tr>
        ))}
      </tbody>
      <caption className="form-grid-caption">{t('form.amountsIn', { unit: t('form.yuan') })}</caption>
    </table>
  );
}

function HeaderCell({ title, wide, findings: path, children }: { title: string; wide: boolean; findings: string; children: ReactNode }) {
  const { findings } = useForm();
  return (
    <>
      <th className="form-label">{title}</th>
      <td colSpan={wide ? 3 : 1} className="form-value">
        {children}
        <FindingLines findings={findings.get(path)} />
      </td>
    </>
  );
}

/** Two fields a row; a wide field takes a row of its own. */
function pairUp(fields: Field[]): Field[][] {
  const rows: Field[][] = [];
  for (const f of fields) {
    const last = rows.at(-1);
    if (!f.wide && last && last.length === 1 && !last[0]!.wide) last.push(f);
    else rows.push([f]);
  }
  return rows;
}
