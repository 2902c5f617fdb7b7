/**
 * One project's mid-year monitoring (绩效运行监控): the national 执行监控表, autosaved while the unit
 * has it, its findings (MONITOR_*) on their cells, the workflow (submitted, forwarded, returned,
 * accepted), the frozen versions, and the project's three documents side by side.
 */
import { FileSearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { checkMonitoring } from '../../../core/checks/monitoring.ts';
import type { Monitoring } from '../../../core/model/monitoring.ts';
import type { Template } from '../../../core/templates/template.ts';
import { keys } from '../../api/queries.ts';
import type { MonitoringDetail } from '../../api/types.ts';
import { templates } from '../../form/templates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { findProjectDocument, getMonitoring, putMonitoring } from './cycle-kinds.ts';
import { CycleShell, NotLoaded, useUiFindings } from './CycleShell.tsx';
import { MonitoringForm } from './MonitoringForm.tsx';
import { ThreeDocuments } from './ThreeDocuments.tsx';
import { useCycleEditor } from './use-cycle-editor.ts';

export function MonitoringPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  // As the evaluation editor's: read once per opening (the editor holds the edits), and dropped when
  // the page is left, so that opening it again reads what was saved, not the document as first read.
  const detail = useQuery({ queryKey: keys.cycleDocument('monitoring', id, 'detail'), queryFn: ({ signal }) => getMonitoring(id, signal), staleTime: Infinity, gcTime: 0, refetchOnReconnect: false });
  if (!detail.data) return <NotLoaded query={detail} kind="monitoring" />;
  const template = templates.get(detail.data.monitoring.template);
  if (!template?.documents?.monitoring) return <Result status="error" title={t('editor.unknownTemplate', { template: detail.data.monitoring.template })} />;
  // Behind RequireLogin: someone is logged in. The editor is theirs (keyed: another user's is another editor).
  if (!user) return null;
  return <MonitoringEditor key={`${user.id}/${id}`} user={user.id} detail={detail.data} template={template} />;
}

function MonitoringEditor({ user, detail, template }: { user: string; detail: MonitoringDetail; template: Template }) {
  const { t } = useI18n();
  const initial = useMemo(() => ({ document: detail.monitoring, version: detail.version }), [detail]);
  const check = useCallback((d: Monitoring) => checkMonitoring(d, template), [template]);
  const put = useCallback((d: Monitoring, version: number) => putMonitoring(detail.id, d, version), [detail.id]);
  const editor = useCycleEditor<Monitoring>({ kind: 'monitoring', id: detail.id, user, initial, editable: detail.allowedActions.includes('edit'), put, check });
  const findings = useUiFindings(editor.findings, editor.document);
  const project = { year: detail.monitoring.year, unit: detail.unit.id, code: detail.monitoring.project.code?.trim() ?? '', name: detail.monitoring.project.name };
  const targets = useQuery({ queryKey: keys.cycleDocument('monitoring', detail.id, 'targets'), queryFn: ({ signal }) => findProjectDocument('targets', project, signal) });
  return (
    <CycleShell
      kind="monitoring"
      detail={detail}
      template={template}
      editor={editor}
      findings={findings}
      note={t('cycle.month', { date: editor.document.asOf })}
      extra={targets.data && <Link to={`/targets/${targets.data.id}`} data-testid="open-targets"><FileSearchOutlined /> {t('cycle.openTargets')}</Link>}
      three={targets.data?.approved ? <ThreeDocuments targetsId={targets.data.id} /> : undefined}
      form={<MonitoringForm monitoring={editor.document} template={template} layout={template.documents!.monitoring!} findings={findings} change={editor.change} />}
    />
  );
}
