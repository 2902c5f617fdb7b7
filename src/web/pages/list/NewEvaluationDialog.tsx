/** 新建: a blank form of a chosen template, saved at once so the editor can autosave it. */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { blankEvaluation } from '../../../core/templates/blank-evaluation.ts';
import { templates } from '../../form/templates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { NewProjectDialog, type NewProject } from './NewProjectDialog.tsx';

export function NewEvaluationDialog({ open, onClose, year }: { open: boolean; onClose: () => void; year: number }) {
  const { label } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const create = async (v: NewProject) => {
    const res = await unwrap(client.POST('/api/evaluations', { body: { evaluation: blankEvaluation(templates.get(v.template)!, v.year, v.name, user?.unit?.name ?? '') } }));
    void queries.invalidateQueries({ queryKey: keys.evaluations });
    navigate(`/evaluations/${res.id}`);
  };
  const options = templates.ids().map((id) => ({ value: id, label: label(templates.get(id)!.name) }));
  return <NewProjectDialog open={open} onClose={onClose} year={year} testId="new-evaluation" title="list.newTitle" templateLabel="list.template" yearLabel="list.year" templates={options} create={create} />;
}
