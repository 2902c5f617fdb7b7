/** The editing surface: the toolbar (status, save state, workflow), the findings, the form. */
import { Alert, Button, Card, Space, Statistic, Switch, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { checkAgainstTargets } from '../../../core/checks/approved-targets.ts';
import { cellMessage, placedMessage } from '../../../core/checks/place.ts';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import type { Template } from '../../../core/templates/template.ts';
import { client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { useCountdown } from '../../api/use-countdown.ts';
import type { EvaluationDetail, Transition } from '../../api/types.ts';
import { countBySeverity, fromCore } from '../../form/findings.ts';
import { formatPoints, formatRate } from '../../format/numbers.ts';
import { recheckBeside } from '../../form-view/beside.ts';
import { FormView } from '../../form-view/FormView.tsx';
import { PhoneSummary } from '../../layout/PhoneSummary.tsx';
import { useI18n } from '../../locale/i18n.tsx';
import { StatusTag } from '../StatusTag.tsx';
import { approvedTargets } from '../cycle/cycle-kinds.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { FindingsPanel } from './FindingsPanel.tsx';
import { RestoreCopy } from './RestoreCopy.tsx';
import { NamedChanges } from './NamedChanges.tsx';
import { ReturnDialog, type ReasonKind } from './ReturnDialog.tsx';
import { useEditor, type SaveState } from './use-editor.ts';
import { useLeaveGuard } from './use-leave-guard.ts';
import { WorkflowBar } from './WorkflowBar.tsx';

interface Props {
  id: string;
  /** Who edits (the copy of what they typed and did not get saved is theirs). */
  user: string;
  detail: EvaluationDetail;
  initial: { evaluation: Evaluation; version: number };
  template: Template;
  busy: boolean;
  /** A copy to next year is under way (its button waits). */
  copying?: boolean;
  /** A step on the form as shown: `prepare` saves what is typed and gives what the actor sees; true once done. */
  onTransition: (action: Transition, prepare: () => Promise<SeenForm>, comment?: string) => Promise<boolean>;
  onCopy: () => void;
  /** The form as typed, for what is shown beside it (the three documents of the cycle). */
  onEvaluation?: (evaluation: Evaluation) => void;
}

/** The form as the actor sees it when taking a step: its server version and document. */
export interface SeenForm {
  version: number;
  evaluation: Evaluation;
}

export function EditorBody({ id, user, detail, initial, template, busy, copying = false, onTransition, onCopy, onEvaluation }: Props) {
  const { t, label, explain } = useI18n();
  const editable = detail.allowedActions.includes('edit');
  const editor = useEditor(id, initial, template, { user, editable });
  useLeaveGuard(editor);
  const [reasonFor, setReasonFor] = useState<ReasonKind | null>(null);
  const [showUnsaved, setShowUnsaved] = useState(false);
  const queries = useQueryClient();
  const { report } = editor;
  useEffect(() => onEvaluation?.(editor.evaluation), [onEvaluation, editor.evaluation]);
  // A form made from approved targets is checked against them while typing too (TARGET_CHANGED …), as the server checks it.
  const linked = detail.approvedTargets;
  const approved = useQuery({
    queryKey: keys.evaluationPart(id, 'approved-targets', linked ?? {}),
    queryFn: ({ signal }) => approvedTargets(linked!.id, linked!.version, signal),
    enabled: linked !== null,
  });
  const all = useMemo(() => (approved.data ? [...report.findings, ...checkAgainstTargets(editor.evaluation, approved.data)] : report.findings), [approved.data, report.findings, editor.evaluation]);
  // Each finding also said with its row and indicator, for the list (issue 14).
  const findings = useMemo(() => fromCore(all, (f) => explain(f.message), (f) => {
    const cell = cellMessage(f);
    // Under its row a finding says its cell's wording where it has one; else its field and sentence (IndicatorRow).
    return { placed: explain(placedMessage(f, editor.evaluation)), ...(cell === f.message ? {} : { cell: explain(cell) }) };
  }), [all, explain, editor.evaluation]);
  const shown = editor.evaluation;
  const run = (action: Transition, comment?: string) =>
    onTransition(action, async () => {
      await editor.flush();
      return { version: editor.version(), evaluation: shown };
    }, comment);
  // A save refused because the form moved on (403: submitted or sent on; 409: another step or edit):
  // the form is read again, so the badge, the actions and whether it is editable are the server's.
  const notAllowed = editor.saveState === 'error' && editor.saveError?.code === 'FORBIDDEN';
  const refused = editable && (notAllowed || editor.saveState === 'conflict');
  useEffect(() => {
    if (refused) void queries.invalidateQueries({ queryKey: keys.evaluationPart(id, 'detail') });
  }, [refused, queries, id]);
  const { computed } = report;
  // Beside this year's figures: last year's (toggled) and the re-check scores. Aids only: a failed load shows the form without them.
  const previousYear = useQuery({
    queryKey: keys.evaluationPart(id, 'previous-year'),
    queryFn: ({ signal }) => unwrap(client.GET('/api/evaluations/{id}/previous-year', { params: { path: { id } }, signal })),
  });
  const rechecks = useQuery({
    queryKey: keys.evaluationPart(id, 'recheck-scores'),
    queryFn: ({ signal }) => unwrap(client.GET('/api/evaluations/{id}/recheck-scores', { params: { path: { id } }, signal })),
  });
  const [showPrevious, setShowPrevious] = useState(true);
  const lastYear = previousYear.data?.previous ?? null;
  const recheck = useMemo(() => recheckBeside(rechecks.data ?? null), [rechecks.data]);

  return (
    <>
      <Card size="small" className="editor-toolbar">
        <PhoneSummary score={String(computed.score)} weight={String(computed.weight)} grade={label(computed.grade.label)} {...countBySeverity(findings)} saveState={editable ? t(`save.${editor.saveState}`) : undefined} saveClass={`save-${editor.saveState}`} />
        <div className="editor-toolbar-row">
          <Space size="middle" align="center" wrap>
            <Typography.Title level={4} className="editor-project" data-testid="editor-project">
              {editor.evaluation.project.name || t('editor.untitled')}
            </Typography.Title>
            <StatusTag status={detail.status} testId="editor-status" />
            <span className="muted">{detail.unit.name} · {editor.evaluation.year} · {label(template.name)}</span>
            {editable && <SaveIndicator state={editor.saveState} />}
          </Space>
          <WorkflowBar
            id={id}
            allowed={detail.allowedActions}
            busy={busy}
            onSubmit={() => void run('submit')}
            onForward={() => void run('forward')}
            onReturn={() => setReasonFor(detail.status === 'draft' ? 'returnToPreparer' : 'return')}
            onApprove={() => void run('approve')}
            onPublish={() => void run('publish')}
            onUnpublish={() => setReasonFor('unpublish')}
            onCopy={onCopy}
            copying={copying}
          />
        </div>
        <div className="editor-summary">
          <Statistic title={t('editor.totalScore')} value={computed.score} suffix={`/ ${computed.weight}`} data-testid="summary-score" />
          <Statistic title={t('editor.grade')} value={label(computed.grade.label)} data-testid="summary-grade" />
          <Statistic title={t('editor.executionRate')} value={formatRate(computed.executionRate) || '—'} data-testid="summary-rate" />
          {recheck && <Statistic title={t('beside.recheckSummary')} value={recheck.total === null ? t('beside.recheckIncomplete') : formatPoints(recheck.total)} data-testid="summary-recheck" />}
          {computed.blocks.map((b) => (
            <Statistic key={b.categories.join('+')} title={b.categories.map((c) => label(template.categories.find((x) => x.key === c)?.label ?? { zh: c, en: c })).join('+')} value={`${b.score} / ${b.cap}`} />
          ))}
        </div>
        {previousYear.data && (
          <div className="muted previous-toggle" data-testid="previous-toggle">
            {lastYear ? (
              <Space size="small">
                <Switch size="small" checked={showPrevious} onChange={setShowPrevious} data-testid="show-previous" />
                <span>{t('beside.showPrevious')}</span>
                {showPrevious && <span>· {t('beside.previousOf', { year: lastYear.year })}</span>}
              </Space>
            ) : t('beside.noPreviousForm')}
          </div>
        )}
        {!editable && <div className="muted readonly-note" data-testid="readonly-note">{t('editor.readOnly')}</div>}
        {editable && editor.saveState === 'error' && !notAllowed && <div className="finding-line finding-error" data-testid="save-note">{t('editor.saveFailed', { message: editor.saveError?.message ?? '' })}</div>}
        {editable && notAllowed && <div className="finding-line finding-warning" data-testid="save-note">{t('editor.checkingStatus')}</div>}
        {editor.saveState === 'retrying' && editor.retryAt !== null && <RetryNote until={editor.retryAt} message={editor.saveError?.status === 0 ? t('error.network') : editor.saveError?.message ?? ''} />}
        {editor.saveState === 'offline' && <div className="finding-line finding-warning" data-testid="save-note">{t('save.offlineNote')}</div>}
      </Card>
      {!editable && editor.unsavedWhenClosed && (
        <Alert
          type="warning"
          showIcon
          className="left-hands"
          data-testid="left-hands"
          title={t('editor.leftHands', { status: t(`status.${detail.status}`) })}
          description={
            <>
              <div>{t('editor.leftHandsBody')}</div>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setShowUnsaved((v) => !v)} data-testid="left-hands-show">{t('editor.leftHandsShow')}</Button>
              {showUnsaved && <NamedChanges before={editor.evaluation} after={editor.unsavedWhenClosed} template={template} beforeTitle={t('editor.leftHandsServer')} afterTitle={t('editor.leftHandsMine')} testId="left-hands-diff" />}
            </>
          }
        />
      )}
      <RestoreCopy pending={editor.pendingCopy} server={initial.evaluation} template={template} onRestore={editor.restoreCopy} onDiscard={editor.discardCopy} />
      <FindingsPanel findings={findings} template={template} />
      <FormView
        evaluation={editor.evaluation}
        template={template}
        report={report}
        findings={findings}
        change={editable ? editor.change : undefined}
        beside={{ previousYear: previousYear.data, showPrevious, rechecks: rechecks.data }}
      />
      <ReturnDialog
        open={reasonFor !== null}
        kind={reasonFor ?? 'return'}
        onCancel={() => setReasonFor(null)}
        onReturn={async (reason) => {
          const done = await run(reasonFor === 'unpublish' ? 'unpublish' : 'return', reason);
          // Done or refused, the dialog closes (a refusal shows why); a refused reason stays typed in it.
          setReasonFor(null);
          return done;
        }}
      />
      <ConflictDialog mine={editor.evaluation} theirs={editor.conflict?.evaluation ?? null} template={template} onKeepMine={editor.keepMine} onTakeTheirs={editor.takeTheirs} copySavedAt={editor.copyConflictAt} />
    </>
  );
}

/** Saving failed for now: when the next attempt goes, and that nothing typed is lost. */
function RetryNote({ until, message }: { until: number; message: string }) {
  const { t } = useI18n();
  const seconds = useCountdown(until);
  return <div className="finding-line finding-warning" data-testid="save-note">{t('save.retryNote', { message, seconds })}</div>;
}

function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useI18n();
  return (
    <span className={`save-state save-${state}`} data-testid="save-state" data-state={state}>
      {t(`save.${state}`)}
    </span>
  );
}
