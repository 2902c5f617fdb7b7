/**
 * One rectification item: what was found and required, by when, on which indicator; the unit's
 * answer (its measures and the evidence files it cites, each a download); the reason it was sent
 * back; its history; and the steps the user may take now (the server's `allowedActions`): the
 * unit answers, the reviewer accepts (closed) or sends it back with a reason. What is typed is kept
 * (useStoredDraft): a step refused because someone acted meanwhile (409) says so, and a reload
 * shows the item as it is now with the typed words still there.
 */
import { DownloadOutlined, LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Form, Grid, Input, Result, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { fieldErrors } from '../../api/field-errors.ts';
import { keys } from '../../api/queries.ts';
import type { Rectification } from '../../api/types.ts';
import { formatDateTime } from '../../format/dates.ts';
import { isMessageKey, useI18n } from '../../locale/i18n.tsx';
import { useEvidence } from '../editor/EvidencePanel.tsx';
import { acceptRectification, answerRectification, getRectification, invalidateRectifications, rectificationAudit, sendBackRectification } from './rect-api.ts';
import { RectificationTags } from './RectificationTags.tsx';
import { useStoredDraft } from './use-stored-draft.ts';

export function RectificationDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useQuery({ queryKey: keys.rectification(id, 'detail'), queryFn: ({ signal }) => getRectification(id, signal) });
  if (detail.isPending) return <Spin />;
  if (detail.error || !detail.data) {
    const notFound = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('rect.notFound') : t('error.generic')} subTitle={detail.error?.message} />;
  }
  return <ItemView item={detail.data} reloading={detail.isFetching} onReload={() => void detail.refetch()} />;
}

function ItemView({ item, reloading, onReload }: { item: Rectification; reloading: boolean; onReload: () => void }) {
  const { t, lang } = useI18n();
  const wide = Grid.useBreakpoint().md ?? true;
  const person = (who: { displayName: string } | null, at: string | null) => (who && at ? t('rect.byAt', { name: who.displayName, at: formatDateTime(at, lang) }) : null);
  const [conflict, setConflict] = useState(false);
  const reload = () => {
    setConflict(false);
    onReload();
  };
  return (
    <div className="rect-detail" data-testid="rect-detail" data-id={item.id} data-status={item.status}>
      <Space wrap size={[8, 4]} className="rect-detail-head">
        <Typography.Text strong data-testid="rect-detail-project">{item.project}</Typography.Text>
        <span className="muted">{item.unit.name} · {item.year}</span>
        <RectificationTags item={item} />
        <Link to={`/evaluations/${item.evaluationId}`} data-testid="rect-open-form"><LinkOutlined /> {t('rect.openForm')}</Link>
      </Space>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          className="rect-conflict"
          data-testid="rect-conflict"
          title={t('rect.conflict')}
          action={<Button size="small" icon={<ReloadOutlined />} loading={reloading} onClick={reload} data-testid="rect-reload">{t('rect.reload')}</Button>}
        />
      )}
      {item.status === 'open' && item.sendBackReason && (
        <Alert type="error" showIcon className="rect-sent-back" title={t('rect.sendBackReason')} description={<div className="pre-wrap" data-testid="rect-send-back-reason">{item.sendBackReason}</div>} />
      )}
      <Descriptions size="small" bordered column={1} layout={wide ? 'horizontal' : 'vertical'} className="rect-fields" styles={{ label: { width: wide ? 124 : undefined } }}>
        <Descriptions.Item label={t('rect.problem')}><div className="pre-wrap" data-testid="rect-problem">{item.problem}</div></Descriptions.Item>
        <Descriptions.Item label={t('rect.requirement')}><div className="pre-wrap" data-testid="rect-requirement">{item.requirement}</div></Descriptions.Item>
        <Descriptions.Item label={t('rect.dueDate')}><span data-testid="rect-due-date">{item.dueDate}</span></Descriptions.Item>
        <Descriptions.Item label={t('rect.indicator')}>
          <Space size={4} wrap>
            <span data-testid="rect-indicator">{item.indicator?.name ?? t('rect.wholeForm')}</span>
            {item.recheckDraw && <Tag color="purple">{t('rect.fromRecheck')}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('rect.raisedBy')}>{person(item.raisedBy, item.raisedAt)}</Descriptions.Item>
        {item.measures !== null && (
          <Descriptions.Item label={t('rect.measures')}><div className="pre-wrap" data-testid="rect-measures">{item.measures}</div></Descriptions.Item>
        )}
        {item.measures !== null && (
          <Descriptions.Item label={t('rect.evidence')}>
            {item.evidence.length === 0 ? <span className="muted">{t('rect.noEvidence')}</span> : (
              <ul className="rect-evidence" data-testid="rect-evidence">
                {item.evidence.map((file) => (
                  <li key={file.id}>
                    <a href={`/api/evaluations/${encodeURIComponent(item.evaluationId)}/evidence/${encodeURIComponent(file.id)}`} download={file.fileName} data-testid="rect-evidence-link">
                      <DownloadOutlined /> {file.fileName}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Descriptions.Item>
        )}
        {item.answeredBy && <Descriptions.Item label={t('rect.answeredBy')}>{person(item.answeredBy, item.answeredAt)}</Descriptions.Item>}
        {item.closedBy && <Descriptions.Item label={t('rect.closedBy')}>{person(item.closedBy, item.closedAt)}</Descriptions.Item>}
      </Descriptions>
      {item.allowedActions.includes('answer') && <AnswerForm item={item} onConflict={() => setConflict(true)} />}
      {(item.allowedActions.includes('accept') || item.allowedActions.includes('send-back')) && <ReviewForm item={item} onConflict={() => setConflict(true)} />}
      <h4 className="section-title">{t('rect.history')}</h4>
      <History id={item.id} version={item.version} />
    </div>
  );
}

/** A step refused as stale (409): said, not lost. */
const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409;

function useStep(item: Rectification, onConflict: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [busy, setBusy] = useState(false);
  return {
    busy,
    /** True once done; a refusal is shown (409: the conflict alert) and what was typed stays. */
    run: async (call: () => Promise<unknown>, done: string, onFields?: (e: unknown) => void): Promise<boolean> => {
      setBusy(true);
      try {
        await call();
        void message.success(done);
        await invalidateRectifications(queries, item.evaluationId);
        return true;
      } catch (e) {
        if (isConflict(e)) onConflict();
        else {
          onFields?.(e);
          void message.error(e instanceof ApiError ? e.message : t('error.network'));
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

function AnswerForm({ item, onConflict }: { item: Rectification; onConflict: () => void }) {
  const { t } = useI18n();
  const [draft, change, clear] = useStoredDraft(`answer.${item.id}`, { measures: item.measures ?? '', evidence: item.evidence.map((e) => e.id) });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const evidence = useEvidence(item.evaluationId);
  const step = useStep(item, onConflict);
  const blank = draft.measures.trim() === '';
  const send = async () => {
    setTouched(true);
    if (blank) return;
    const done = await step.run(
      () => answerRectification(item.id, { measures: draft.measures.trim(), evidence: draft.evidence, version: item.version }),
      t('rect.answered'),
      (e) => setProblems(Object.fromEntries(fieldErrors(e, ['measures', 'evidence'] as const).map((f) => [f.name, f.errors.join('；')]))),
    );
    if (done) {
      clear();
      setTouched(false);
      setProblems({});
    }
  };
  const measuresError = touched && blank ? t('rect.measuresRequired') : problems['measures'];
  return (
    <section className="rect-action" data-testid="rect-answer-form">
      <h4 className="section-title">{t('rect.answerTitle')}</h4>
      <Typography.Paragraph type="secondary">{t('rect.answerHint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('rect.measures')} required validateStatus={measuresError ? 'error' : undefined} help={measuresError} htmlFor={`rect-measures-${item.id}`}>
          <Input.TextArea id={`rect-measures-${item.id}`} rows={5} value={draft.measures} onChange={(e) => change({ measures: e.target.value })} placeholder={t('rect.measuresPlaceholder')} maxLength={5000} data-testid="rect-measures-input" />
        </Form.Item>
        <Form.Item
          label={t('rect.chooseEvidence')}
          validateStatus={problems['evidence'] ? 'error' : undefined}
          help={problems['evidence']}
          htmlFor={`rect-evidence-${item.id}`}
          extra={<span className="rect-upload-hint" data-testid="rect-upload-hint">{t('rect.uploadHint')} <Link to={`/evaluations/${item.evaluationId}?tab=evidence`} data-testid="rect-upload-link">{t('rect.uploadLink')}</Link></span>}
        >
          <Select
            id={`rect-evidence-${item.id}`}
            mode="multiple"
            value={draft.evidence}
            onChange={(v: string[]) => change({ evidence: v })}
            loading={evidence.isPending}
            placeholder={t('rect.chooseEvidencePlaceholder')}
            options={(evidence.data?.items ?? []).map((f) => ({ value: f.id, label: f.fileName }))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            data-testid="rect-evidence-select"
          />
        </Form.Item>
        <Button type="primary" loading={step.busy} onClick={() => void send()} data-testid="rect-submit-answer">{t('rect.submitAnswer')}</Button>
      </Form>
    </section>
  );
}

function ReviewForm({ item, onConflict }: { item: Rectification; onConflict: () => void }) {
  const { t } = useI18n();
  const [draft, change, clear] = useStoredDraft(`review.${item.id}`, { text: '' });
  const [reasonMissing, setReasonMissing] = useState(false);
  const step = useStep(item, onConflict);
  const text = draft.text.trim();
  const finish = (done: boolean) => {
    if (done) {
      clear();
      setReasonMissing(false);
    }
  };
  const accept = async () => finish(await step.run(() => acceptRectification(item.id, { ...(text ? { comment: text } : {}), version: item.version }), t('rect.accepted')));
  const sendBack = async () => {
    if (!text) {
      setReasonMissing(true);
      return;
    }
    finish(await step.run(() => sendBackRectification(item.id, { reason: text, version: item.version }), t('rect.sentBack')));
  };
  return (
    <section className="rect-action" data-testid="rect-review-form">
      <h4 className="section-title">{t('rect.reviewTitle')}</h4>
      <Form layout="vertical" component="div">
        <Form.Item label={t('rect.reviewText')} validateStatus={reasonMissing && !text ? 'error' : undefined} help={reasonMissing && !text ? t('rect.reasonRequired') : undefined} extra={t('rect.reviewHint')} htmlFor={`rect-review-${item.id}`}>
          <Input.TextArea id={`rect-review-${item.id}`} rows={3} value={draft.text} onChange={(e) => change({ text: e.target.value })} placeholder={t('rect.sendBackPlaceholder')} maxLength={2000} data-testid="rect-review-text" />
        </Form.Item>
        <Space wrap>
          {item.allowedActions.includes('accept') && <Button type="primary" loading={step.busy} onClick={() => void accept()} data-testid="rect-accept">{t('rect.accept')}</Button>}
          {item.allowedActions.includes('send-back') && <Button danger loading={step.busy} onClick={() => void sendBack()} data-testid="rect-send-back">{t('rect.sendBack')}</Button>}
        </Space>
      </Form>
    </section>
  );
}

const ACTION_COLORS: Record<string, string> = { raise: 'blue', answer: 'orange', accept: 'green', 'send-back': 'red' };

/** The item's audit, oldest first; asked again when the item's version moves. */
function History({ id, version }: { id: string; version: number }) {
  const { t, lang } = useI18n();
  const audit = useQuery({ queryKey: keys.rectification(id, 'audit', String(version)), queryFn: ({ signal }) => rectificationAudit(id, signal) });
  if (audit.isPending) return <Spin size="small" />;
  if (audit.error) return <Alert type="error" showIcon title={audit.error.message} />;
  const entries = auditEntries(audit.data);
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rect.historyEmpty')} />;
  const word = (action: string): ReactNode => {
    const key = `rect.action.${action}`;
    return isMessageKey(key) ? t(key) : action;
  };
  return (
    <Timeline
      data-testid="rect-history"
      items={entries.map((entry, i) => ({
        key: `${entry.at}-${i}`,
        color: ACTION_COLORS[entry.action] ?? 'gray',
        content: (
          <div data-testid="rect-history-entry" data-action={entry.action}>
            <div className="muted">{formatDateTime(entry.at, lang)}</div>
            <div><b>{entry.user.displayName}</b> · {word(entry.action)}</div>
            {entry.comment && <div className="pre-wrap audit-comment">{entry.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}

type AuditAnswer = Awaited<ReturnType<typeof rectificationAudit>>;
/** The audit's entries, whether the route answers a list or a page of one. */
function auditEntries(answer: AuditAnswer) {
  return Array.isArray(answer) ? answer : answer.items;
}
