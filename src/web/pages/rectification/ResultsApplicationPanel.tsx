/**
 * 结果应用: what the bureau records as following from a form's grade and rectification (a category
 * and its words), beside the form and seen by the bureau only: the reviewer writes it, the admin
 * reads it (the caller shows the panel to those two roles; the server refuses everyone else). A
 * write on a stale version (409) says so and keeps what was typed; reload shows the record as it is.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Select, Spin, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, client, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/field-errors.ts';
import { keys } from '../../api/queries.ts';
import { RESULTS_CATEGORIES, type ResultsCategory } from '../../api/types.ts';
import { formatDateTime } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { useStoredDraft } from './use-stored-draft.ts';

const resultsKey = (id: string) => keys.evaluationPart(id, 'results-application');

export function ResultsApplicationPanel({ evaluationId, editable }: { evaluationId: string; editable: boolean }) {
  const { t, lang } = useI18n();
  const read = useQuery({
    queryKey: resultsKey(evaluationId),
    queryFn: ({ signal }) => unwrap(client.GET('/api/evaluations/{id}/results-application', { params: { path: { id: evaluationId } }, signal })),
  });
  if (read.isPending) return <Spin />;
  if (read.error) return <Alert type="error" showIcon title={read.error.message} />;
  const record = read.data.application;
  return (
    <Card size="small" className="results-panel" data-testid="results-panel" title={t('results.title')}>
      <Typography.Paragraph type="secondary">{t('results.hint')}</Typography.Paragraph>
      {record ? (
        <Descriptions size="small" bordered column={1} data-testid="results-record">
          <Descriptions.Item label={t('results.category')}><span data-testid="results-category-shown">{t(`results.category.${record.category}`)}</span></Descriptions.Item>
          <Descriptions.Item label={t('results.text')}><div className="pre-wrap" data-testid="results-text-shown">{record.text}</div></Descriptions.Item>
          <Descriptions.Item label={t('results.recorded')}>{t('results.recordedBy', { name: record.recordedBy.displayName, at: formatDateTime(record.recordedAt, lang) })}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.none')} data-testid="results-none" />
      )}
      {/* A new version read (saved, or reloaded after a conflict) starts the form from it; a typed draft is kept over it. */}
      {editable && <ResultsForm key={record?.version ?? 0} evaluationId={evaluationId} record={record} reloading={read.isFetching} onReload={() => void read.refetch()} />}
    </Card>
  );
}

type Record_ = { category: ResultsCategory; text: string; version: number } | null;

function ResultsForm({ evaluationId, record, reloading, onReload }: { evaluationId: string; record: Record_; reloading: boolean; onReload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [draft, change, clear] = useStoredDraft<{ category: ResultsCategory | undefined; text: string }>(`results.${evaluationId}`, { category: record?.category, text: record?.text ?? '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const blankText = draft.text.trim() === '';
  const save = async () => {
    setTouched(true);
    if (blankText || !draft.category) return;
    setBusy(true);
    try {
      await unwrap(
        client.PUT('/api/evaluations/{id}/results-application', {
          params: { path: { id: evaluationId } },
          body: { category: draft.category, text: draft.text.trim(), ...(record ? { version: record.version } : {}) },
        }),
      );
      void message.success(t('results.saved'));
      setProblems({});
      setTouched(false);
      setConflict(false);
      clear();
      await queries.invalidateQueries({ queryKey: resultsKey(evaluationId) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setConflict(true);
      else {
        setProblems(Object.fromEntries(fieldErrors(e, ['category', 'text'] as const).map((f) => [f.name, f.errors.join('；')])));
        void message.error(e instanceof ApiError ? e.message : t('error.network'));
      }
    } finally {
      setBusy(false);
    }
  };
  const textError = touched && blankText ? t('results.textRequired') : problems['text'];
  const categoryError = touched && !draft.category ? t('results.categoryRequired') : problems['category'];
  return (
    <Form layout="vertical" component="div" className="results-form" data-testid="results-form" style={{ marginTop: 12 }}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="results-conflict"
          title={t('results.conflict')}
          action={<Button size="small" icon={<ReloadOutlined />} loading={reloading} onClick={() => { setConflict(false); onReload(); }} data-testid="results-reload">{t('rect.reload')}</Button>}
        />
      )}
      <Form.Item label={t('results.category')} required validateStatus={categoryError ? 'error' : undefined} help={categoryError} htmlFor={`results-category-${evaluationId}`}>
        <Select
          id={`results-category-${evaluationId}`}
          value={draft.category}
          onChange={(v: ResultsCategory) => change({ category: v })}
          options={RESULTS_CATEGORIES.map((c) => ({ value: c, label: t(`results.category.${c}`) }))}
          style={{ width: 220, maxWidth: '100%' }}
          data-testid="results-category"
        />
      </Form.Item>
      <Form.Item label={t('results.text')} required validateStatus={textError ? 'error' : undefined} help={textError} htmlFor={`results-text-${evaluationId}`}>
        <Input.TextArea id={`results-text-${evaluationId}`} rows={4} maxLength={5000} value={draft.text} onChange={(e) => change({ text: e.target.value })} placeholder={t('results.textPlaceholder')} data-testid="results-text" />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={() => void save()} data-testid="results-save">{t('common.save')}</Button>
    </Form>
  );
}
