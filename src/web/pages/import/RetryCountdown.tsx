/** A file the server could not take yet: "排队中，N 秒后重试", counting down to the retry. */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useCountdown } from '../../api/use-countdown.ts';
import { useI18n } from '../../locale/i18n.tsx';

export function RetryCountdown({ until }: { until: number }) {
  const { t } = useI18n();
  const seconds = useCountdown(until);
  return (
    <Tag color="warning" icon={<ClockCircleOutlined />} data-testid="import-state">
      {t('import.queued', { seconds })}
    </Tag>
  );
}
