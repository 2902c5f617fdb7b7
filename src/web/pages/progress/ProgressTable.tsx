/**
 * The year's progress per department (主管部门), each opened to its units (the department itself
 * among them when it has forms of its own): the counts by status, the total and, past the
 * deadline, the overdue ones in red.
 */
import { Grid, Table, type TableColumnsType } from 'antd';
import type { Progress, ProgressCounts, ProgressUnit } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { COUNT_COLUMNS, columnTitle, isLate } from './progress-columns.ts';

interface Row {
  key: string;
  unit: ProgressUnit;
  counts: ProgressCounts;
  department: boolean;
  units?: Row[];
}

export function ProgressTable({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  // On a phone the names column, which stays put while the counts scroll, leaves room for the counts.
  const nameWidth = Grid.useBreakpoint().md === false ? 170 : 260;
  const rows: Row[] = progress.departments.map((d) => ({
    key: d.unit.id,
    unit: d.unit,
    counts: d.counts,
    department: true,
    units: d.units.map((u) => ({ key: `${d.unit.id}/${u.unit.id}`, unit: u.unit, counts: u.counts, department: false })),
  }));
  const columns: TableColumnsType<Row> = [
    {
      title: t('progress.unit'),
      key: 'unit',
      fixed: 'left',
      width: nameWidth,
      render: (_, r) => (
        <span className={r.department ? 'progress-department' : undefined}>
          <span className="unit-code">{r.unit.code}</span> {r.unit.name}
        </span>
      ),
    },
    ...COUNT_COLUMNS.map((c) => ({
      title: columnTitle(c, t),
      key: c,
      width: c === 'forwarded' ? 96 : 72,
      align: 'right' as const,
      onCell: (r: Row) => ({ className: isLate(c, r.counts[c], progress.pastDeadline) ? 'count-late-cell' : c === 'total' ? 'count-total-cell' : undefined }),
      render: (_: unknown, r: Row) => <span data-column={c}>{r.counts[c]}</span>,
    })),
  ];
  return (
    <Table<Row>
      size="small"
      bordered
      rowKey="key"
      dataSource={rows}
      columns={columns}
      expandable={{ childrenColumnName: 'units', defaultExpandAllRows: rows.length <= 5 }}
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: nameWidth + 76 * COUNT_COLUMNS.length }}
      locale={{ emptyText: t('progress.empty') }}
      onRow={(r) => ({ 'data-testid': 'progress-row', 'data-code': r.unit.code, 'data-kind': r.department ? 'department' : 'unit' }) as React.HTMLAttributes<HTMLElement>}
      data-testid="progress-table"
    />
  );
}
