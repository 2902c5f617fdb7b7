/**
 * What the targets and the monitoring pages share around their form: back to the list, the
 * project with its status, unit and year, the save state, the workflow buttons the server allows,
 * the return or adjustment reason, every finding in one list (each takes the cursor to its cell),
 * and tabs: the form, the frozen versions, the three documents side by side. As in the evaluation
 * editor, leaving saves what was typed first (asking when it cannot be saved), a copy kept in the tab
 * is offered back on opening, and a conflict shows both sides: keep mine, take theirs.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Card, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Finding } from '../../../core/checks/finding.ts';
import { cellMessage, placedMessage, type WithIndicators } from '../../../core/checks/place.ts';
import type { Template } from '../../../core/templates/template.ts';
import { ApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';
import type { CycleAction, CycleStatus, ServerFinding, Unit } from '../../api/types.ts';
import { fromCore, fromServer, type UiFinding } from '../../form/findings.ts';
import { useI18n } from '../../locale/i18n.tsx';
import type { MessageKey } from '../../locale/zh.ts';
import { ConflictDialog } from '../editor/ConflictDialog.tsx';
import { FindingsPanel } from '../editor/FindingsPanel.tsx';
import { RestoreCopy } from '../editor/RestoreCopy.tsx';
import { useLeaveGuard } from '../editor/use-leave-guard.ts';
import { CycleStatusTag } from './CycleStatusTag.tsx';
import { CycleVersions } from './CycleVersions.tsx';
import { CycleWorkflowBar } from './CycleWorkflowBar.tsx';
import { transitionCycle, type CycleKind, type CycleStep } from './cycle-kinds.ts';
import type { CycleEditor } from './use-cycle-editor.ts';

export interface ShellDetail {
  id: string;
  version: number;
  status: CycleStatus;
  unit: Unit;
  allowedActions: CycleAction[];
  returnReason: string | null;
  adjustmentReason: string | null;
}

interface Props<D extends WithIndicators & { year: number; project: { name: string } }> {
  kind: CycleKind;
  detail: ShellDetail;
  template: Template;
  editor: CycleEditor<D>;
  findings: UiFinding[];
  /** The form, its tab's title, and buttons beside the workflow (create the evaluation, the monitoring). */
  form: ReactNode;
  extra?: ReactNode;
  /** The three documents side by side, when the project has approved targets. */
  three?: ReactNode;
  /** Under the title: the approved version, the as-of date. */
  note?: ReactNode;
}

/** A document's page while its detail is not there: loading, not found (or not the user's to see), failed. */
export function NotLoaded({ query, kind }: { query: UseQueryResult<unknown>; kind: CycleKind }) {
  const { t } = useI18n();
  if (query.isPending) return <Spin style={{ margin: 64 }} />;
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  return <Result status={notFound ? '404' : 'error'} title={notFound ? t('cycle.notFound') : t('error.generic')} subTitle={query.error?.message} extra={<Link to={`/${kind}`}>{t('cycle.back')}</Link>} />;
}

/** The findings of the core's checks as the panel and the cells show them, each also said with its row. */
export function useUiFindings(findings: readonly Finding[], document: WithIndicators): UiFinding[] {
  const { explain } = useI18n();
  return useMemo(() => fromCore(findings, (f) => explain(f.message), (f) => {
    const cell = cellMessage(f);
    return { placed: explain(placedMessage(f, document)), ...(cell === f.message ? {} : { cell: explain(cell) }) };
  }), [findings, document, explain]);
}

export function CycleShell<D extends WithIndicators & { year: number; project: { name: string } }>({ kind, detail, template, editor, findings, form, extra, three, note }: Props<D>) {
  const { t, label, lang } = useI18n();
  const { message, modal } = App.useApp();
  const queries = useQueryClient();
  const [busy, setBusy] = useState(false);
  const editable = editor.change !== undefined;
  useLeaveGuard(editor);

  const step = async (action: CycleStep, reason?: string): Promise<boolean> => {
    setBusy(true);
    try {
      if (editable) await editor.flush();
      await transitionCycle(kind, detail.id, action, editable ? editor.version() : detail.version, reason);
      message.success(t(`cycle.done.${action}`));
      await queries.invalidateQueries({ queryKey: keys.cycle });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CHECK_ERRORS') {
        const refused = fromServer((e.body?.['findings'] as ServerFinding[] | undefined) ?? [], lang);
        modal.error({
          title: t('cycle.checkErrors'),
          width: 640,
          content: <ul data-testid="submit-errors">{refused.filter((f) => f.severity === 'error').map((f, i) => <li key={i}>{f.text}</li>)}</ul>,
        });
      } else {
        message.error(e instanceof ApiError ? e.message : t('error.network'));
        // Moved on meanwhile (another step, another tab): the server's document and buttons are read again.
        if (e instanceof ApiError && (e.code === 'VERSION_CONFLICT' || e.code === 'INVALID_TRANSITION')) void queries.invalidateQueries({ queryKey: keys.cycle });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const listPath = `/${kind}`;
  // The document's own layout (项目支出绩效目标申报表 …), not the evaluation's that the template is named after.
  const layout = template.documents?.[kind];
  const layoutTitle = layout ? label(layout.title) : label(template.name);
  const formTab: MessageKey = kind === 'targets' ? 'cycle.tabForm' : 'cycle.tabMonitoringForm';
  return (
    <div className="editor-page cycle-page" data-testid={`${kind}-page`} data-status={detail.status}>
      <div className="editor-back">
        <Link to={listPath}><ArrowLeftOutlined /> {t('cycle.back')}</Link>
      </div>
      <Card size="small" className="editor-toolbar cycle-toolbar">
        <div className="editor-toolbar-row">
          <Space size="middle" align="center" wrap>
            <Typography.Title level={4} className="editor-project" data-testid="cycle-project">
              {editor.document.project.name || t('editor.untitled')}
            </Typography.Title>
            <CycleStatusTag status={detail.status} testId="cycle-status" />
            <span className="muted">{detail.unit.name} · {editor.document.year} · {layoutTitle}</span>
            {editable && <span className={`save-state save-${editor.saveState}`} data-testid="save-state" data-state={editor.saveState}>{t(`save.${editor.saveState}`)}</span>}
          </Space>
          <Space wrap>
            <CycleWorkflowBar allowed={detail.allowedActions} busy={busy} onStep={step} />
            {extra}
          </Space>
        </div>
        {note && <div className="muted cycle-note">{note}</div>}
        {!editable && <div className="muted readonly-note" data-testid="readonly-note">{t('cycle.readOnly')}</div>}
        {editable && editor.saveState === 'error' && <div className="finding-line finding-error" data-testid="save-note">{t('editor.saveFailed', { message: editor.saveError?.message ?? '' })}</div>}
        {editor.saveState === 'conflict' && <div className="finding-line finding-warning" data-testid="save-note">{t('conflict.title')}</div>}
      </Card>
      {detail.status === 'returned' && detail.returnReason && (
        <Alert type="error" showIcon className="return-reason" title={t('cycle.returnedBecause')} description={<div data-testid="return-reason">{detail.returnReason}</div>} />
      )}
      {detail.status === 'adjusting' && detail.adjustmentReason && (
        <Alert type="warning" showIcon className="return-reason" title={t('cycle.adjustingBecause')} description={<div data-testid="adjustment-reason">{detail.adjustmentReason}</div>} />
      )}
      <RestoreCopy pending={editor.pendingCopy} server={editor.server} template={template} onRestore={editor.restoreCopy} onDiscard={editor.discardCopy} />
      <FindingsPanel findings={findings} template={template} />
      <ConflictDialog mine={editor.document} theirs={editor.conflict?.evaluation ?? null} template={template} onKeepMine={editor.keepMine} onTakeTheirs={editor.takeTheirs} copySavedAt={editor.copyConflictAt} />
      <Tabs
        items={[
          { key: 'form', label: t(formTab), children: form },
          ...(three ? [{ key: 'three', label: <span data-testid="tab-three">{t('cycle.tabThree')}</span>, children: three }] : []),
          { key: 'versions', label: <span data-testid="tab-versions">{t('cycle.tabVersions')}</span>, children: <CycleVersions kind={kind} id={detail.id} /> },
        ]}
      />
    </div>
  );
}
