/** The evidence files the reviewer made public, under a published form. */
import { DownloadOutlined } from '@ant-design/icons';
import { Card, List } from 'antd';
import type { components } from '../../api/schema.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { formatSize } from '../editor/EvidencePanel.tsx';

type PublicEvidenceItem = components['schemas']['PublicEvidenceItem'];

export function PublicEvidence({ id, files }: { id: string; files: PublicEvidenceItem[] }) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <Card size="small" title={t('evidence.publicList')} className="public-evidence" data-testid="public-evidence">
      <List
        dataSource={files}
        renderItem={(file) => (
          <List.Item>
            <a href={`/api/public/evaluations/${id}/evidence/${file.id}`} download={file.fileName}>
              <DownloadOutlined /> {file.fileName}
            </a>
            <span className="muted">
              {file.indicator?.name ? `${t('evidence.indicatorRow', { row: (file.indicator.index ?? 0) + 1, name: file.indicator.name })} · ` : ''}
              {formatSize(file.size)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
