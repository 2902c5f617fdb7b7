/**
 * 年度设置 (admin): the years with their settings (主管部门审核, 填报截止日期, 监控时点), each with its project
 * list to import; a year not set up yet is typed in and set up from here.
 */
import { LineChartOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../api/client.ts';
import { keys } from '../../../api/queries.ts';
import type { YearSettings } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';
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
  const [typed, setTyped] = useState<number | null>(new Date().getFullYear());
  const items = years.data?.items ?? [];
  // A typed year that has settings already opens them; a new one starts from the defaults.
  const setUp = (year: number) => setEditing(items.find((y) => y.year === year) ?? { year, departmentReview: false, deadline: null, monitoringAsOf: null });

  return (
    <Card
      className="page-card"
      title={t('years.title')}
      extra={
        <Space.Compact>
          <InputNumber<number> min={2000} max={2999} precision={0} value={typed} onChange={setTyped} placeholder={t('years.newYear')} style={{ width: 100 }} data-testid="year-new" />
          <Button type="primary" icon={<SettingOutlined />} disabled={!typed} onClick={() => typed && setUp(typed)} data-testid="year-set-up">{t('years.setUp')}</Button>
        </Space.Compact>
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
