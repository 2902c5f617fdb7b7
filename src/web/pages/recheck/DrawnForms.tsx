/**
 * One page of a draw's forms, in draw order: whether each is re-checked yet; a click on a row
 * opens its scores below. The server pages (a province's draw is hundreds of forms).
 */
import { Tag } from 'antd';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { formatPoints } from '../../format/numbers.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { tablePagination } from '../../paging/use-paged-list.ts';
import type { Paging } from '../../paging/use-paging.ts';
import type { RecheckForm } from './recheck-types.ts';

/** Short pages: the scores of the form chosen stand below the table. */
export const DRAWN_PAGE_SIZES = [10, 20, 50] as const;

interface Props {
  forms: RecheckForm[];
  total: number;
  paging: Paging;
  loading: boolean;
  current: string | null;
  onChoose: (id: string) => void;
}

export function DrawnForms({ forms, total, paging, loading, current, onChoose }: Props) {
  const { t } = useI18n();
  return (
    <ResponsiveList<RecheckForm>
      cardTitle="project"
      size="small"
      bordered
      rowKey="id"
      loading={loading}
      dataSource={forms}
      pagination={tablePagination(paging, total, t, total, DRAWN_PAGE_SIZES)}
      scroll={{ x: 640 }}
      style={{ marginBottom: 12 }}
      data-testid="recheck-forms"
      rowClassName={(f) => (f.id === current ? 'row-current' : 'row-choosable')}
      onRow={(f) => ({ onClick: () => onChoose(f.id), 'data-testid': 'recheck-form-row', 'data-id': f.id, 'data-complete': String(f.complete) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('recheck.state'), key: 'state', width: 90, align: 'center', render: (_: unknown, f) => (f.complete ? <Tag color="green">{t('recheck.complete')}</Tag> : <Tag>{t('recheck.pending')}</Tag>) },
        { title: t('recheck.unit'), dataIndex: ['unit', 'name'] },
        { title: t('recheck.project'), dataIndex: 'project' },
        { title: t('recheck.selfTotal'), dataIndex: 'score', width: 100, align: 'right', render: (v: number) => formatPoints(v) },
      ]}
    />
  );
}
