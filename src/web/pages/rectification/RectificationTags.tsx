/** An item's status (待整改 · 待验收 · 已销号) and, while it is open past its due date, 逾期. */
import { Space, Tag } from 'antd';
import type { Rectification, RectificationStatus } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';

const COLORS: Record<RectificationStatus, string> = { open: 'processing', answered: 'warning', closed: 'success' };

export function RectificationTags({ item }: { item: Pick<Rectification, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[item.status]} data-testid="rect-status" data-status={item.status} style={{ marginInlineEnd: 0 }}>{t(`rect.status.${item.status}`)}</Tag>
      {item.overdue && <Tag color="error" data-testid="rect-overdue" style={{ marginInlineEnd: 0 }}>{t('rect.overdue')}</Tag>}
    </Space>
  );
}
