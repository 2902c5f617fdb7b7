/**
 * 佐证材料: the evidence files of a form and of its indicators. Everyone who sees the form lists and
 * downloads them; the unit's preparer and approver upload (to the whole form or to one indicator)
 * and remove them while the form is theirs to change; a file frozen with a version stays; the
 * finance reviewer marks files public (the public reaches them once the form is published). What
 * each may do comes from the server's answer (`canAttach`, `canMarkPublic`), which checks it again.
 */
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Popconfirm, Select, Space, Switch, Tag, Typography, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import { ApiError, client, formBody, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { components } from '../../api/schema.ts';
import { formatDateTime } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';

type EvidenceItem = components['schemas']['EvidenceItem'];
type EvidenceList = components['schemas']['EvidenceList'];

/** What a file picker offers; the server decides from the bytes. */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

const WHOLE_FORM = '';

const evidenceKey = (id: string) => keys.evaluationPart(id, 'evidence');

export function useEvidence(id: string) {
  return useQuery({
    queryKey: evidenceKey(id),
    queryFn: ({ signal }) => unwrap(client.GET('/api/evaluations/{id}/evidence', { params: { path: { id } }, signal })) as Promise<EvidenceList>,
  });
}

/** The tab's title, with the number of files once known. */
export function EvidenceTabLabel({ id }: { id: string }) {
  const { t } = useI18n();
  const list = useEvidence(id);
  const count = list.data?.items.length ?? 0;
  return <span data-testid="tab-evidence"><PaperClipOutlined /> {count > 0 ? t('evidence.tabCount', { count }) : t('evidence.tab')}</span>;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

export function EvidencePanel({ id, evaluation }: { id: string; evaluation: Evaluation }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const list = useEvidence(id);
  const [target, setTarget] = useState(WHOLE_FORM);
  const [uploading, setUploading] = useState(false);
  const refresh = () => queries.invalidateQueries({ queryKey: evidenceKey(id) });
  const failed = (e: unknown) => message.error(e instanceof ApiError ? e.message : t('error.network'));

  const remove = useMutation({
    mutationFn: (fileId: string) => unwrap(client.DELETE('/api/evaluations/{id}/evidence/{fileId}', { params: { path: { id, fileId } } })),
    onSuccess: () => { message.success(t('evidence.deleted')); return refresh(); },
    onError: failed,
  });
  const mark = useMutation({
    mutationFn: ({ fileId, value }: { fileId: string; value: boolean }) =>
      unwrap(client.POST('/api/evaluations/{id}/evidence/{fileId}/public', { params: { path: { id, fileId } }, body: { public: value } })),
    onSuccess: () => refresh(),
    onError: failed,
  });

  const upload = async (file: File) => {
    const body = new FormData();
    if (target !== WHOLE_FORM) body.append('indicatorId', target);
    body.append('file', file);
    setUploading(true);
    try {
      await unwrap(client.POST('/api/evaluations/{id}/evidence', { params: { path: { id } }, body: formBody(body) }));
      message.success(t('evidence.uploaded', { name: file.name }));
      await refresh();
    } catch (e) {
      failed(e);
    } finally {
      setUploading(false);
    }
  };

  // Indicators the server has given an id (a row added and not yet saved has none: it cannot hold files yet).
  const indicators = evaluation.indicators.flatMap((indicator, index) => (indicator.id ? [{ value: indicator.id, label: rowLabel(t, index, indicator.name) }] : []));
  const data = list.data;
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;

  return (
    <Card size="small" className="evidence-panel" data-testid="evidence-panel">
      {data?.canAttach ? (
        <div className="evidence-upload">
          <Typography.Paragraph type="secondary">{t('evidence.hint', { maxMb: Math.round(data.limits.maxBytes / 1048576), maxFiles: data.limits.maxFiles })}</Typography.Paragraph>
          <Space wrap>
            <span id="evidence-target-label">{t('evidence.attachTo')}</span>
            <Select
              aria-labelledby="evidence-target-label"
              value={target}
              onChange={setTarget}
              style={{ minWidth: 240, maxWidth: '100%' }}
              options={[{ value: WHOLE_FORM, label: t('evidence.wholeForm') }, ...indicators]}
              data-testid="evidence-target"
              showSearch={{ optionFilterProp: 'label' }}
            />
            <Upload
              accept={EVIDENCE_ACCEPT}
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading} data-testid="evidence-upload">{t('evidence.upload')}</Button>
            </Upload>
          </Space>
        </div>
      ) : (
        data && <Typography.Paragraph type="secondary" data-testid="evidence-readonly">{data.canMarkPublic ? t('evidence.publicHint') : t('evidence.readOnly')}</Typography.Paragraph>
      )}
      <List
        loading={list.isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('evidence.none') }}
        data-testid="evidence-list"
        renderItem={(file: EvidenceItem) => (
          <List.Item
            data-testid="evidence-item"
            data-file={file.fileName}
            actions={[
              data?.canMarkPublic ? (
                <Space key="public" size={4}>
                  <Switch
                    size="small"
                    checked={file.public}
                    loading={mark.isPending && mark.variables?.fileId === file.id}
                    onChange={(value) => mark.mutate({ fileId: file.id, value })}
                    aria-label={t('evidence.markPublic', { name: file.fileName })}
                    data-testid="evidence-public"
                  />
                  <span>{t('evidence.public')}</span>
                </Space>
              ) : null,
              data?.canAttach && file.frozenIn.length === 0 ? (
                <Popconfirm key="delete" title={t('evidence.deleteConfirm', { name: file.fileName })} onConfirm={() => remove.mutate(file.id)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('evidence.deleteNamed', { name: file.fileName })} data-testid="evidence-delete">{t('evidence.delete')}</Button>
                </Popconfirm>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <a href={`/api/evaluations/${id}/evidence/${file.id}`} download={file.fileName} data-testid="evidence-download">
                  <DownloadOutlined /> {file.fileName}
                </a>
              }
              description={
                <Space size={[8, 4]} wrap>
                  <Tag>{file.indicator ? (file.indicator.index === null ? t('evidence.indicatorGone') : rowLabel(t, file.indicator.index, file.indicator.name ?? '')) : t('evidence.wholeForm')}</Tag>
                  <span>{formatSize(file.size)}</span>
                  <span>{t('evidence.by', { name: file.uploadedBy.displayName, at: formatDateTime(file.uploadedAt, lang) })}</span>
                  {file.frozenIn.length > 0 && <Tag color="blue">{t('evidence.frozenIn', { versions: file.frozenIn.join(', ') })}</Tag>}
                  {file.public && !data?.canMarkPublic && <Tag color="green">{t('evidence.publicTag')}</Tag>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

const rowLabel = (t: ReturnType<typeof useI18n>['t'], index: number, name: string) => t('evidence.indicatorRow', { row: index + 1, name });
