/** A draw's parameters: 抽样编号 (with what it is for), share, how many of how many, who and when, and its strata. */
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Descriptions, Grid, Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import type { RecheckDraw } from './recheck-types.ts';

export function DrawSummary({ draw }: { draw: RecheckDraw }) {
  const { t, lang } = useI18n();
  // On a phone each label stands above its value: side by side, the labels wrap a character a line.
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered layout={wide ? 'horizontal' : 'vertical'}>
      <Descriptions.Item label={<Tooltip title={t('recheck.seedHelp')}><span data-testid="draw-seed-label">{t('recheck.seed')} <QuestionCircleOutlined aria-label={t('recheck.seedHelp')} /></span></Tooltip>}>{draw.seed}</Descriptions.Item>
      <Descriptions.Item label={t('recheck.minimumShare')}>{draw.parameters.minimumShare}</Descriptions.Item>
      <Descriptions.Item label={t('recheck.forms')}>{t('recheck.drawn', { drawn: draw.drawn, population: draw.population })}</Descriptions.Item>
      <Descriptions.Item label={t('recheck.drawnBy')}>{draw.drawnBy.displayName}</Descriptions.Item>
      <Descriptions.Item label={t('recheck.drawnAt')}>{formatDateTime(draw.drawnAt, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('recheck.strata', { count: draw.strata.length })}>
        {draw.strata.map((s) => <Tag key={`${s.unit.id}:${s.band}`}>{s.unit.name} · {s.bandLabel} · {s.evaluationIds.length}/{s.population}</Tag>)}
      </Descriptions.Item>
    </Descriptions>
  );
}
