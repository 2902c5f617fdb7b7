/**
 * One project's targets (绩效目标申报): the declaration in its official layout, autosaved while the
 * unit has it (draft, returned, adjusting), the workflow, the frozen versions; once approved, the
 * self-evaluation made from them (生成自评价表), the mid-year monitoring started from them, and the
 * three documents side by side.
 */
import { FileAddOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Result } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { checkTargets } from '../../../core/checks/targets-document.ts';
import type { Targets } from '../../../core/model/targets.ts';
import type { Template } from '../../../core/templates/template.ts';
import { ApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';
import type { TargetsDetail } from '../../api/types.ts';
import { templates } from '../../form/templates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { createEvaluationFromTargets, createMonitoringFromTargets, findProjectDocument, getTargets, putTargets } from './cycle-kinds.ts';
import { CycleShell, NotLoaded, useUiFindings } from './CycleShell.tsx';
import { TargetsForm } from './TargetsForm.tsx';
import { ThreeDocuments } from './ThreeDocuments.tsx';
import { useCycleEditor } from './use-cycle-editor.ts';

export function TargetsPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  // As the evaluation editor's: read once per opening (the editor holds the edits), and dropped when
  // the page is left, so that opening it again reads what was saved, not the document as first read.
  const detail = useQuery({ queryKey: keys.cycleDocument('targets', id, 'detail'), queryFn: ({ signal }) => getTargets(id, signal), staleTime: Infinity, gcTime: 0, refetchOnReconnect: false });
  if (!detail.data) return <NotLoaded query={detail} kind="targets" />;
  const template = templates.get(detail.data.targets.template);
  const layout = template?.documents?.targets;
  if (!template || !layout) return <Result status="error" title={t('editor.unknownTemplate', { template: detail.data.targets.template })} />;
  // Behind RequireLogin: someone is logged in. The editor is theirs (keyed: another user's is another editor).
  if (!user) return null;
  return <TargetsEditor key={`${user.id}/${id}`} detail={detail.data} template={template} />;
}

function TargetsEditor({ detail, template }: { detail: TargetsDetail; template: Template }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const initial = useMemo(() => ({ document: detail.targets, version: detail.version }), [detail]);
  const check = useCallback((d: Targets) => checkTargets(d, template), [template]);
  const incomplete = useCallback((d: Targets) => {
    const row = d.indicators.findIndex((i) => typeof i.weight !== 'number');
    return row === -1 ? null : t('cycle.weightBlank', { row: row + 1 });
  }, [t]);
  const put = useCallback((d: Targets, version: number) => putTargets(detail.id, d, version), [detail.id]);
  const editor = useCycleEditor<Targets>({ kind: 'targets', id: detail.id, user: user?.id ?? '', initial, editable: detail.allowedActions.includes('edit'), put, check, incomplete });
  const findings = useUiFindings(editor.findings, editor.document);
  const approved = detail.approvedVersion;
  const project = { year: detail.targets.year, unit: detail.unit.id, code: detail.targets.project.code?.trim() ?? '', name: detail.targets.project.name };
  const monitoring = useQuery({
    queryKey: keys.cycleDocument('targets', detail.id, 'monitoring'),
    queryFn: ({ signal }) => findProjectDocument('monitoring', project, signal),
    enabled: approved !== null,
  });
  const [busy, setBusy] = useState(false);
  /** `made`: where an ALREADY_CREATED answer's existing document opens. */
  const act = async (made: 'evaluations' | 'monitoring', run: () => Promise<string>) => {
    setBusy(true);
    try {
      navigate(await run());
      void queries.invalidateQueries({ queryKey: keys.cycle });
      void queries.invalidateQueries({ queryKey: keys.evaluations });
    } catch (e) {
      const existing = e instanceof ApiError ? (e.body?.['existing'] as { id?: string } | undefined) : undefined;
      message.error(e instanceof ApiError ? e.message : t('error.network'));
      if (existing?.id) navigate(`/${made}/${existing.id}`);
    } finally {
      setBusy(false);
    }
  };
  const createEvaluation = () => act('evaluations', async () => {
    const { id } = await createEvaluationFromTargets(detail.id);
    message.success(t('cycle.evaluationCreated'));
    return `/evaluations/${id}`;
  });
  const startMonitoring = () => act('monitoring', async () => {
    const { id } = await createMonitoringFromTargets(detail.id);
    message.success(t('cycle.monitoringCreated'));
    return `/monitoring/${id}`;
  });
  const extra = (
    <>
      {/* Once made, the evaluation is opened, not made again (the server would answer ALREADY_CREATED). */}
      {detail.allowedActions.includes('createEvaluation') && !detail.evaluationId && (
        <Button icon={<FileAddOutlined />} loading={busy} onClick={() => void createEvaluation()} data-testid="create-evaluation">{t('cycle.createEvaluation')}</Button>
      )}
      {detail.evaluationId && <Link to={`/evaluations/${detail.evaluationId}`} data-testid="open-evaluation"><FileSearchOutlined /> {t('cycle.openEvaluation')}</Link>}
      {monitoring.data && <Link to={`/monitoring/${monitoring.data.id}`} data-testid="open-monitoring"><FileSearchOutlined /> {t('cycle.openMonitoring')}</Link>}
      {approved !== null && monitoring.data === null && user?.role === 'preparer' && (
        <Button icon={<FileAddOutlined />} loading={busy} onClick={() => void startMonitoring()} data-testid="create-monitoring">{t('cycle.createMonitoring')}</Button>
      )}
    </>
  );
  return (
    <CycleShell
      kind="targets"
      detail={detail}
      template={template}
      editor={editor}
      findings={findings}
      note={approved === null ? t('cycle.noApprovedVersion') : t('cycle.approvedVersion', { number: approved })}
      extra={extra}
      three={approved !== null ? <ThreeDocuments targetsId={detail.id} /> : undefined}
      form={<TargetsForm targets={editor.document} template={template} layout={template.documents!.targets!} findings={findings} change={editor.change} />}
    />
  );
}
