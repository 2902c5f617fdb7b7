import { Tag } from 'antd';
import type { CycleStatus } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';

// As the evaluation's tags: on its way in blues, returned red, approved/accepted green, an adjustment under way gold.
const COLORS: Record<CycleStatus, string> = { draft: 'default', submitted: 'processing', forwarded: 'cyan', returned: 'error', approved: 'success', adjusting: 'gold', accepted: 'success' };

export function CycleStatusTag({ status, testId }: { status: CycleStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid={testId} data-status={status}>
      {t(`cycle.status.${status}`)}
    </Tag>
  );
}
