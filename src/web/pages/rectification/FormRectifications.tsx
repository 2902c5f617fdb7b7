/**
 * The form's rectification items (its 整改 tab): each with its status, a click opening it; 提出整改
 * for whoever may raise one (`mayRaise`). Above the form, a reminder of the items its project's
 * earlier forms left unclosed (上年度整改事项未完成…), each a click away.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Rectification } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { formRectifications, formRectificationsKey } from './rect-api.ts';
import { RaiseDialog, type IndicatorChoice } from './RaiseDialog.tsx';
import { RectificationDrawer } from './RectificationDrawer.tsx';
import { RectificationTags } from './RectificationTags.tsx';

export function useFormRectifications(evaluationId: string) {
  return useQuery({ queryKey: formRectificationsKey(evaluationId), queryFn: ({ signal }) => formRectifications(evaluationId, signal) });
}

/** The tab's title, with the number of items once known. */
export function RectificationTabLabel({ evaluationId }: { evaluationId: string }) {
  const { t } = useI18n();
  const count = useFormRectifications(evaluationId).data?.items.length ?? 0;
  return <span data-testid="tab-rectification">{count > 0 ? t('rect.tabCount', { count }) : t('rect.tab')}</span>;
}

/** Earlier years' items of the project not closed: a reminder above the form (nothing when there are none). */
export function EarlierRectifications({ evaluationId }: { evaluationId: string }) {
  const { t } = useI18n();
  const data = useFormRectifications(evaluationId).data;
  const [opened, setOpened] = useState<string | null>(null);
  const earlier = (data?.earlier ?? []).filter((r) => r.status !== 'closed');
  if (earlier.length === 0) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        className="rect-earlier"
        data-testid="rect-earlier"
        title={t('rect.earlierTitle')}
        description={
          <>
            <div>{t('rect.earlierBody', { count: earlier.length })}</div>
            <ul className="rect-earlier-list">
              {earlier.map((r) => (
                <li key={r.id}>
                  <Typography.Link onClick={() => setOpened(r.id)} data-testid="rect-earlier-item" data-id={r.id}>
                    {t('rect.earlierItem', { year: r.year, problem: r.problem, status: t(`rect.status.${r.status}`), dueDate: r.dueDate })}
                  </Typography.Link>
                </li>
              ))}
            </ul>
          </>
        }
      />
      <RectificationDrawer id={opened} onClose={() => setOpened(null)} />
    </>
  );
}

export function RectificationPanel({ evaluationId, indicators }: { evaluationId: string; indicators: readonly IndicatorChoice[] }) {
  const { t } = useI18n();
  const list = useFormRectifications(evaluationId);
  const [opened, setOpened] = useState<string | null>(null);
  const [raising, setRaising] = useState(false);
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  const items = list.data?.items ?? [];
  return (
    <Card
      size="small"
      className="rect-panel"
      data-testid="rect-panel"
      title={t('rect.panelTitle')}
      extra={list.data?.mayRaise ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="rect-raise">{t('rect.raise')}</Button> : null}
    >
      <List<Rectification>
        loading={list.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rect.panelEmpty')} /> }}
        renderItem={(r) => (
          <List.Item data-testid="rect-panel-item" data-id={r.id} data-status={r.status} className="rect-panel-item" onClick={() => setOpened(r.id)}>
            <List.Item.Meta
              title={<Typography.Link className="rect-panel-problem" data-testid="rect-panel-link">{r.problem}</Typography.Link>}
              description={
                <Space size={[8, 4]} wrap>
                  <RectificationTags item={r} />
                  <span>{t('rect.col.dueDate')} {r.dueDate}</span>
                  <span>{r.indicator?.name ?? t('rect.wholeForm')}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <RectificationDrawer id={opened} onClose={() => setOpened(null)} />
      <RaiseDialog open={raising} evaluationId={evaluationId} indicators={indicators} onClose={() => setRaising(false)} />
    </Card>
  );
}
