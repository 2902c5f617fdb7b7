import { Tag } from 'antd';
import type { Status } from '../api/types.ts';
import { useI18n } from '../locale/i18n.tsx';

// Forwarded (passed on by the department) is a second blue: still on its way, one step further than submitted.
const COLORS: Record<Status, string> = { draft: 'default', submitted: 'processing', forwarded: 'cyan', returned: 'error', approved: 'success', published: 'purple' };

export function StatusTag({ status, testId }: { status: Status; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
