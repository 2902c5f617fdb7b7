import { Tag } from 'antd';
import type { Status } from '../api/types.ts';
import { useI18n } from '../locale/i18n.tsx';

const COLORS: Record<Status, string> = { draft: 'default', submitted: 'processing', returned: 'error', approved: 'success', published: 'purple' };

export function StatusTag({ status, testId }: { status: Status; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
