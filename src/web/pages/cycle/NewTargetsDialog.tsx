/** 新建绩效目标: a blank declaration of a layout that has one (the funding rows it prints, no indicator yet), saved at once. */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { TARGETS_SCHEMA_ID, type Targets } from '../../../core/model/targets.ts';
import type { Template } from '../../../core/templates/template.ts';
import { keys } from '../../api/queries.ts';
import { templates } from '../../form/templates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { NewProjectDialog, type NewProject } from '../list/NewProjectDialog.tsx';
import { createTargets } from './cycle-kinds.ts';

export function blankTargets(template: Template, year: number, name: string, code: string, unit: string): Targets {
  const layout = template.documents?.targets;
  return {
    schema: TARGETS_SCHEMA_ID,
    template: template.id,
    year,
    project: { name, ...(code ? { code } : {}), department: unit },
    funding: (layout?.fundingRows ?? []).map((key) => ({ source: layout?.fieldLabels[key]?.zh ?? key, budget: '' })),
    annualGoal: '',
    indicators: [],
  };
}

export function NewTargetsDialog({ open, onClose, year }: { open: boolean; onClose: () => void; year: number }) {
  const { label } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const create = async (v: NewProject) => {
    const { id } = await createTargets(blankTargets(templates.get(v.template)!, v.year, v.name, v.code, user?.unit?.name ?? ''));
    void queries.invalidateQueries({ queryKey: keys.cycle });
    navigate(`/targets/${id}`);
  };
  // A layout's title may print its year ({year}年度…申报表): shown with the year the dialog opens on.
  const options = templates.ids().filter((id) => templates.get(id)?.documents?.targets).map((id) => ({ value: id, label: label(templates.get(id)!.documents!.targets!.title).replace('{year}', String(year)) }));
  return <NewProjectDialog open={open} onClose={onClose} year={year} testId="new-targets" title="cycle.newTitle" templateLabel="cycle.newTemplate" yearLabel="cycle.newYear" templates={options} withCode create={create} />;
}
