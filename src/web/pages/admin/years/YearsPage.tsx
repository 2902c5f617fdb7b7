/**
 * 年度设置 (admin): the years with their settings (主管部门审核, 填报截止日期, 监控时点), each with its project
 * list to import; a year not set up yet is typed in and set up from here.
 */
import { LineChartOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../api/client.ts';
import { keys } from '../../../api/queries.ts';
import type { YearSettings } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR, readFiscalYear } from '../../../../core/model/fiscal-year.ts';
import { ProjectListDialog } from './ProjectListDialog.tsx';
import { YearSettingsDialog } from './YearSettingsDialog.tsx';

export function YearsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const years = useQuery({ queryKey: keys.years, queryFn: ({ signal }) => unwrap(client.GET('/api/years', { signal })) });
  const queries = useQueryClient();
  const [editing, setEditing] = useState<YearSettings | null>(null);
  const [importing, setImporting] = useState<number | null>(null);
  // The year is kept as typed (224 is not turned into 2000 on leaving the field): marked until it reads.
  const [typed, setTyped] = useState(String(new Date().getFullYear()));
  const typedYear = readFiscalYear(typed);
  const wrongYear = typed.trim() !== '' && typedYear === null;
  const items = years.data?.items ?? [];
  // A typed year that has settings already opens them; a new one starts from the defaults.
  const setUp = (year: number) => setEditing(items.find((y) => y.year === year) ?? { year, departmentReview: false, deadline: null, monitoringAsOf: null });

  return (
    <Card
      className="page-card"
      title={t('years.title')}
      extra={
        <div>
          <Space.Compact>
            <Input value={typed} onChange={(e) => setTyped(e.target.value)} inputMode="numeric" autoComplete="off" status={wrongYear ? 'error' : undefined} aria-invalid={wrongYear || undefined} aria-label={t('years.newYear')} placeholder={t('years.newYear')} style={{ width: 100 }} data-testid="year-new" />
            <Button type="primary" icon={<SettingOutlined />} disabled={typedYear === null} onClick={() => typedYear !== null && setUp(typedYear)} data-testid="year-set-up">{t('years.setUp')}</Button>
          </Space.Compact>
          {wrongYear && <div className="finding-line finding-error" role="alert" style={{ maxWidth: 240, whiteSpace: 'normal' }} data-testid="year-new-error">{t('list.yearInvalid', { first: FIRST_FISCAL_YEAR, last: LAST_FISCAL_YEAR })}</div>}
        </div>
      }
    >
      <Table<YearSettings>
        size="small"
        bordered
        rowKey="year"
        loading={years.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('years.none') }}
        scroll={{ x: 800 }}
        onRow={(y) => ({ 'data-testid': 'year-row', 'data-year': String(y.year) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('years.year'), dataIndex: 'year', width: 80, render: (y: number) => <strong>{y}</strong> },
          {
            title: t('years.departmentReview'),
            dataIndex: 'departmentReview',
            width: 130,
            render: (on: boolean) => <Tag color={on ? 'blue' : 'default'} data-testid="year-review" data-on={String(on)}>{t(on ? 'years.on' : 'years.off')}</Tag>,
          },
          { title: t('years.deadline'), dataIndex: 'deadline', width: 130, render: (d: string | null) => <span data-testid="year-deadline-cell">{d ?? t('years.noDeadline')}</span> },
          { title: t('years.monitoringAsOf'), dataIndex: 'monitoringAsOf', width: 120, render: (d: string | null) => <span data-testid="year-monitoring-cell">{d ?? t('years.monitoringAsOfDefault')}</span> },
          {
            title: t('users.actions'),
            key: 'actions',
            width: 340,
            render: (_, y) => (
              <Space size={0} wrap>
                <Button type="link" size="small" icon={<SettingOutlined />} onClick={() => setEditing(y)} data-testid="year-edit">{t('years.edit')}</Button>
                <Button type="link" size="small" icon={<UploadOutlined />} onClick={() => setImporting(y.year)} data-testid="year-projects">{t('years.projects')}</Button>
                <Button type="link" size="small" icon={<LineChartOutlined />} onClick={() => navigate(`/progress?year=${y.year}`)} data-testid="year-progress">{t('nav.progress')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <YearSettingsDialog
        settings={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          // The department tier and the deadline change the workflow and the progress of the year.
          void queries.invalidateQueries({ queryKey: keys.years });
          void queries.invalidateQueries({ queryKey: keys.evaluations });
        }}
      />
      <ProjectListDialog
        year={importing}
        onClose={() => setImporting(null)}
        onImported={(r) => {
          message.success(t('years.imported', { year: r.year, created: r.created, updated: r.updated }));
          // New drafts, forms updated: every list of forms, and the years.
          void queries.invalidateQueries({ queryKey: keys.years });
          void queries.invalidateQueries({ queryKey: keys.evaluations });
        }}
      />
    </Card>
  );
}
