/** The server asked to come back later: say so, counting down, rather than show an error. */
import { Alert } from 'antd';
import { useI18n } from '../../locale/i18n.tsx';
import { useCountdown } from '../../api/use-countdown.ts';

export function BusyNote({ until }: { until: number }) {
  const { t } = useI18n();
  const left = useCountdown(until);
  return <Alert type="warning" showIcon className="filters" title={t('public.busy', { seconds: left })} data-testid="public-busy" />;
}
