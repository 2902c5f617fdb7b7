/**
 * The editor of one evaluation: the form as printed, recomputed in the browser while typing
 * (totals, block subtotals, grade, suggestions, findings), autosaved, with the workflow buttons
 * and the audit log. The server's answer stays the authority: it is reloaded after every transition.
 */
import { ArrowLeftOutlined, DeleteOutlined, HistoryOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Result, Space, Spin, Tabs } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Template } from '../../../core/templates/template.ts';
import { ApiError, client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { EvaluationDetail, Role, ServerFinding, Status, Transition } from '../../api/types.ts';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import { templates } from '../../form/templates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { indicatorIndexOf } from '../../../core/checks/place.ts';
import { useSession } from '../../session/session.tsx';
import { AuditTimeline } from './AuditTimeline.tsx';
import { EditorBody, type SeenForm } from './EditorBody.tsx';
import { EvidencePanel, EvidenceTabLabel } from './EvidencePanel.tsx';
import { StaleDialog, type StaleStep } from './StaleDialog.tsx';
import { VersionsDrawer } from './VersionsDrawer.tsx';
import { ThreeDocuments } from '../cycle/ThreeDocuments.tsx';
import { EarlierRectifications, RectificationPanel, RectificationTabLabel } from '../rectification/FormRectifications.tsx';
import { ResultsApplicationPanel } from '../rectification/ResultsApplicationPanel.tsx';

/** The results application (结果应用) is the bureau's: the reviewer writes it, the admin reads it; no one else sees it. */
const RESULTS_ROLES = ['reviewer', 'admin'] as const;

export function EditorPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const detail = useQuery({
    queryKey: keys.evaluationPart(id, 'detail'),
    queryFn: ({ signal }) => unwrap(client.GET('/api/evaluations/{id}', { params: { path: { id } }, signal })) as Promise<EvaluationDetail>,
    // The editor holds the form while it is open: read once per opening, and again only after a transition
    // (never when the window regains focus or the network returns: what was typed would be at stake).
    staleTime: Infinity,
    gcTime: 0,
    refetchOnReconnect: false,
  });
  if (detail.isPending) return <Spin style={{ margin: 64 }} />;
  if (detail.error || !detail.data) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('editor.notFound') : t('error.generic')} subTitle={detail.error?.message} extra={<Link to="/evaluations">{t('editor.back')}</Link>} />;
  }
  const template = templates.get(detail.data.evaluation.template);
  if (!template) return <Result status="error" title={t('editor.unknownTemplate', { template: detail.data.evaluation.template })} />;
  // Behind RequireLogin: someone is logged in. The editor is theirs (keyed: another user's is another editor).
  if (!user) return null;
  return <Editor key={`${user.id}/${id}`} id={id} user={user.id} role={user.role} detail={detail.data} template={template} />;
}

function Editor({ id, user, role, detail, template }: { id: string; user: string; role: Role; detail: EvaluationDetail; template: Template }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [searchParams] = useSearchParams();
  const tab = searchParams.get('tab');
  /** The form changed on the server (a transition, a restore): all of it is read again, and every list it is in. */
  const reload = () => Promise.all([queries.invalidateQueries({ queryKey: keys.evaluation(id) }), queries.invalidateQueries({ queryKey: keys.evaluations })]);

  /** A refused submit's finding with its row and indicator in front, as the findings panel says it. */
  const placed = (f: ServerFinding): string => {
    const text = f.messages?.[lang] ?? f.message;
    const index = indicatorIndexOf(f.path);
    const name = index === null ? undefined : detail.evaluation.indicators[index]?.name?.trim();
    return index === null ? text : t('workflow.checkErrorAt', { row: index + 1, name: name || t('workflow.unnamedIndicator'), text });
  };

  const showError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'CHECK_ERRORS') {
      const findings = (e.body?.['findings'] as ServerFinding[] | undefined) ?? [];
      modal.error({
        title: t('workflow.checkErrors'),
        width: 640,
        content: (
          <ul data-testid="submit-errors">
            {findings.filter((f) => f.severity === 'error').map((f, i) => (
              <li key={i}>{placed(f)}</li>
            ))}
          </ul>
        ),
      });
    } else message.error(e instanceof ApiError ? e.message : t('error.network'));
  };

  /** A step refused because the form changed since it was opened: what changed, until the actor reloads or cancels. */
  const [stale, setStale] = useState<StaleStep | null>(null);
  const [reloading, setReloading] = useState(false);
  const [copying, setCopying] = useState(false);

  /**
   * A workflow step on the form as the actor sees it: `prepare` saves what is typed and gives the
   * version and document shown; the server refuses the step (409 VERSION_CONFLICT) when the form
   * has changed since, and the changes are shown before anything is done. True once done.
   */
  const transition = async (action: Transition, prepare: () => Promise<SeenForm>, comment?: string): Promise<boolean> => {
    setBusy(true);
    try {
      const seen = await prepare();
      try {
        await unwrap(client.POST('/api/evaluations/{id}/transitions', { params: { path: { id } }, body: { action, version: seen.version, ...(comment ? { comment } : {}) } }));
      } catch (e) {
        const current = staleAnswer(e);
        if (!current) throw e;
        setStale({ action, seen: { ...seen, status: detail.status }, current });
        return false;
      }
      message.success(t(`workflow.done.${action}`));
      await reload();
      return true;
    } catch (e) {
      showError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const reloadStale = async () => {
    setReloading(true);
    try {
      await reload();
      setStale(null);
    } finally {
      setReloading(false);
    }
  };

  /** One copy request at a time: a second click before the button shows it is busy does nothing. */
  const copyInFlight = useRef(false);
  const copy = async () => {
    if (copyInFlight.current) return;
    copyInFlight.current = true;
    setCopying(true);
    try {
      const res = await unwrap(client.POST('/api/evaluations/{id}/copy-to-next-year', { params: { path: { id } } }));
      void queries.invalidateQueries({ queryKey: keys.evaluations });
      message.success(t('workflow.done.copy'));
      navigate(`/evaluations/${res.id}`);
    } catch (e) {
      const existing = e instanceof ApiError && e.code === 'ALREADY_COPIED' ? (e.body?.['existing'] as { id: string; year: number; project: string } | undefined) : undefined;
      if (existing) {
        // Copied before (another click, another tab): no second copy; the one there is a click away.
        modal.confirm({
          title: t('copy.existsTitle'),
          content: <span data-testid="copy-exists">{t('copy.existsBody', { year: existing.year, project: existing.project })}</span>,
          okText: t('copy.openExisting'),
          cancelText: t('common.cancel'),
          okButtonProps: { 'data-testid': 'copy-open-existing' } as Record<`data-${string}`, string>,
          onOk: () => navigate(`/evaluations/${existing.id}`),
        });
      } else showError(e);
    } finally {
      copyInFlight.current = false;
      setCopying(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await unwrap(client.DELETE('/api/evaluations/{id}', { params: { path: { id } } }));
      // Dropped, not only marked stale: the list would first show its cached page, the deleted form in it.
      queries.removeQueries({ queryKey: keys.evaluations });
      message.success(t('delete.done'));
      navigate('/evaluations');
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    setBusy(true);
    try {
      await unwrap(client.POST('/api/evaluations/{id}/restore', { params: { path: { id } } }));
      message.success(t('deleted.restored'));
      await reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const initial = useMemo(() => ({ evaluation: detail.evaluation, version: detail.version }), [detail]);
  /** The form as typed, beside the approved targets and the monitoring (a form made from targets). */
  const [typed, setTyped] = useState<Evaluation>(detail.evaluation);
  return (
    <div className="editor-page">
      <div className="editor-back" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Link to="/evaluations"><ArrowLeftOutlined /> {t('editor.back')}</Link>
        <Space>
          <Button icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)} data-testid="open-versions">{t('versions.open')}</Button>
          {detail.allowedActions.includes('delete') && (
            <Popconfirm
              title={t('delete.confirm')}
              onConfirm={() => void remove()}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'delete-confirm' } as Record<`data-${string}`, string>}
            >
              <Button danger icon={<DeleteOutlined />} loading={busy} data-testid="delete-evaluation">{t('delete.button')}</Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      <VersionsDrawer id={id} template={template} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
      {/* Only a deleted form can be restored: the admin reads it here and may bring it back. */}
      {detail.allowedActions.includes('restore') && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('deleted.banner')}
          data-testid="deleted-banner"
          action={<Button icon={<UndoOutlined />} loading={busy} onClick={() => void restore()} data-testid="restore-evaluation">{t('deleted.restore')}</Button>}
        />
      )}
      {detail.status === 'returned' && detail.returnReason && (
        <Alert type="error" showIcon className="return-reason" title={t('editor.returnedBecause')} description={<div data-testid="return-reason">{detail.returnReason}</div>} />
      )}
      <EarlierRectifications evaluationId={id} />
      <StaleDialog stale={stale} template={template} reloading={reloading} onReload={() => void reloadStale()} onCancel={() => setStale(null)} />
      <Tabs
        // `?tab=evidence` (a rectification's answer links there to upload) opens on that tab.
        defaultActiveKey={tab ?? 'form'}
        items={[
          {
            key: 'form',
            label: t('editor.tabForm'),
            children: <EditorBody id={id} user={user} detail={detail} initial={initial} template={template} busy={busy} copying={copying} onTransition={transition} onCopy={() => void copy()} onEvaluation={setTyped} />,
          },
          ...(detail.approvedTargets ? [{ key: 'three', label: <span data-testid="tab-three">{t('cycle.tabThree')}</span>, children: <ThreeDocuments targetsId={detail.approvedTargets.id} evaluation={typed} /> }] : []),
          { key: 'evidence', label: <EvidenceTabLabel id={id} />, children: <EvidencePanel id={id} evaluation={detail.evaluation} /> },
          { key: 'rectification', label: <RectificationTabLabel evaluationId={id} />, children: <RectificationPanel evaluationId={id} indicators={detail.evaluation.indicators} /> },
          ...((RESULTS_ROLES as readonly Role[]).includes(role)
            ? [{ key: 'results', label: <span data-testid="tab-results">{t('results.tab')}</span>, children: <ResultsApplicationPanel evaluationId={id} editable={role === 'reviewer'} /> }]
            : []),
          { key: 'audit', label: <span data-testid="tab-audit">{t('editor.tabAudit')}</span>, children: <AuditTimeline id={id} template={template} /> },
        ]}
      />
    </div>
  );
}

/** The current form of a 409 VERSION_CONFLICT answer to a step, or null for any other failure. */
function staleAnswer(e: unknown): StaleStep['current'] | null {
  if (!(e instanceof ApiError) || e.code !== 'VERSION_CONFLICT' || !e.body) return null;
  const { version, evaluation, status } = e.body as { version?: unknown; evaluation?: unknown; status?: unknown };
  if (typeof version !== 'number' || typeof evaluation !== 'object' || evaluation === null) return null;
  return { version, evaluation: evaluation as Evaluation, status: typeof status === 'string' ? (status as Status) : null };
}
