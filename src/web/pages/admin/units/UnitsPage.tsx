/**
 * 组织机构 (admin): the tree of units — the departments directly under the finance bureau, each
 * opened to its budget units as the admin expands it — or, while searching, the units whose name
 * or code matches. Add a unit (anywhere), change one (rename, recode, move, disable or enable it),
 * import a list of units.
 */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../api/client.ts';
import { keys } from '../../../api/queries.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { rememberUnits } from '../../../units/unit-cache.ts';
import { UnitDialog, type UnitDialogMode } from './UnitDialog.tsx';
import { UnitImportDialog } from './UnitImportDialog.tsx';
import { unitColumns } from './unit-columns.tsx';
import { useUnitTree, type TreeRow } from './use-unit-tree.ts';

const PAGE = 50;
/** The columns' widths added up: narrower screens scroll the table, not the page. */
const SCROLL_X = 860;
const PARENT_WIDTH = 220;

export function UnitsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<UnitDialogMode | null>(null);
  const [importing, setImporting] = useState(false);
  const tree = useUnitTree(PAGE);
  const [found, setFound] = useState({ page: 1 });
  const searching = search !== '';
  const asked = { q: search, limit: PAGE, offset: (found.page - 1) * PAGE };
  const results = useQuery({
    queryKey: keys.unitList('search', asked),
    queryFn: async ({ signal }) => {
      const answer = await unwrap(client.GET('/api/units', { params: { query: asked }, signal }));
      rememberUnits(answer.items);
      return answer;
    },
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  // After a change: the tree and the search results (every list of units) are asked again.
  const refresh = tree.refresh;
  const columns = unitColumns({ t, searching, onEdit: (unit) => setDialog({ kind: 'edit', unit }), onAddBelow: (unit) => setDialog({ kind: 'create', parentId: unit.id }), onChanged: refresh });
  const onRow = (r: TreeRow) => ({ 'data-testid': 'unit-row', 'data-unit-id': r.id, 'data-code': r.stub ? '' : r.code }) as React.HTMLAttributes<HTMLElement>;

  return (
    <Card
      className="page-card"
      title={t('units.title')}
      extra={
        <Space wrap>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="unit-import">{t('units.import')}</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create', parentId: null })} data-testid="unit-add">{t('units.add')}</Button>
        </Space>
      }
    >
      <div className="muted page-hint">{t('units.hint')}</div>
      <Input.Search
        allowClear
        className="filters"
        placeholder={t('units.search')}
        onSearch={(text) => {
          setSearch(text.trim());
          setFound({ page: 1 });
        }}
        style={{ maxWidth: 360 }}
        data-testid="unit-search"
      />
      {searching ? (
        <Table<TreeRow>
          size="small"
          bordered
          rowKey="id"
          loading={results.isFetching}
          dataSource={results.data?.items ?? []}
          columns={columns}
          onRow={onRow}
          scroll={{ x: SCROLL_X + PARENT_WIDTH }}
          // `children` of a unit is a count, not rows: antd must not read it as the tree's.
          expandable={{ childrenColumnName: 'subunits' }}
          pagination={{ current: found.page, pageSize: PAGE, total: results.data?.total ?? 0, showSizeChanger: false, showTotal: (total) => t('common.rows', { total }), onChange: (page) => setFound({ page }) }}
          data-testid="unit-results"
        />
      ) : (
        <Table<TreeRow>
          size="small"
          bordered
          rowKey="id"
          loading={tree.loading}
          dataSource={tree.rows}
          columns={columns}
          onRow={onRow}
          scroll={{ x: SCROLL_X }}
          expandable={{
            childrenColumnName: 'subunits',
            expandedRowKeys: tree.expanded,
            onExpand: (open, row) => tree.toggle(row.id, open),
          }}
          pagination={{ current: tree.page, pageSize: PAGE, total: tree.total, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('common.rows', { total }), onChange: tree.setPage }}
          data-testid="unit-tree"
        />
      )}
      <UnitDialog
        mode={dialog}
        onClose={() => setDialog(null)}
        onSaved={(unit) => {
          setDialog(null);
          // The new or moved unit is shown where it now stands: its parent opened.
          if (unit.parentId) tree.toggle(unit.parentId, true);
          refresh();
        }}
      />
      <UnitImportDialog open={importing} onClose={() => setImporting(false)} onImported={refresh} />
    </Card>
  );
}
