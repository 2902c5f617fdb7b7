/**
 * 运行监控: the dashboard's monitoring view (issue 16) — a year's mid-year monitoring as the bureau
 * reads it: how many projects are monitored, off track, without a deviation cause, judged
 * impossible, spending behind the time progress, expected to overspend, and the money, by 主管部门;
 * a department opens to its units; below, the projects that need a look, one page at a time from
 * the server, each linking to its monitoring (/monitoring/:id). The year, the department, the unit
 * and the list are in the address (`?view=monitoring&monitoringYear=&department=&unit=&list=`), so
 * a view can be shared and the back button walks back up.
 */
import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Tag, type TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { components } from '../../api/schema.ts';
import { formatAmount, formatRate } from '../../format/numbers.ts';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { useI18n, type I18n } from '../../locale/i18n.tsx';
import { StatusTag } from '../StatusTag.tsx';

type Figures = components['schemas']['MonitoringFigures'];
type Group = components['schemas']['MonitoringView']['departments'][number];
type Project = components['schemas']['MonitoringProject'];
type List = components['schemas']['MonitoringProjects']['list'];

const LISTS: readonly List[] = ['attention', 'offTrack', 'behind', 'overspend'];
const PAGE_SIZES = [20, 50, 100];

/** The counts that need a look are shown in red when above zero. */
const alarm = (n: number) => (n > 0 ? { color: '#cf1322' } : undefined);

/** The figures' columns, shared by the departments' and the units' tables. */
function figureColumns(t: I18n['t']) {
  const count = (key: keyof Figures, title: string) => ({
    key, title, align: 'right' as const, width: 104,
    render: (_: unknown, g: Group) => <span style={key === 'projects' ? undefined : alarm(g.figures[key] as number)}>{g.figures[key] as number}</span>,
  });
  return [
    count('projects', t('monitoringView.projects')),
    count('offTrack', t('monitoringView.offTrack')),
    count('offTrackWithoutCause', t('monitoringView.offTrackWithoutCause')),
    count('impossible', t('monitoringView.impossible')),
    count('behindTimeProgress', t('monitoringView.behind')),
    count('overspendExpected', t('monitoringView.overspend')),
    { key: 'budget', title: t('monitoringView.budget'), align: 'right' as const, render: (_: unknown, g: Group) => formatAmount(g.figures.budget) },
    { key: 'executed', title: t('monitoringView.executed'), align: 'right' as const, render: (_: unknown, g: Group) => formatAmount(g.figures.executedToDate) },
    { key: 'rate', title: t('monitoringView.rate'), align: 'right' as const, width: 100, render: (_: unknown, g: Group) => formatRate(g.figures.executionRate) },
  ];
}

/** A name that opens (or closes again) what it names: a department's units, a unit's projects; by mouse or Enter. */
function OpenLink({ onOpen, testId, children }: { onOpen: () => void; testId: string; children: ReactNode }) {
  return (
    <a role="button" tabIndex={0} onClick={onOpen} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(); }} data-testid={testId}>
      {children}
    </a>
  );
}

export function MonitoringView() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('monitoringYear');
  const department = params.get('department') ?? undefined;
  const unit = params.get('unit') ?? undefined;
  const list = (LISTS as readonly string[]).includes(params.get('list') ?? '') ? (params.get('list') as List) : 'attention';
  const ask = { year: asked === null ? undefined : Number(asked), department };
  const view = useQuery({
    queryKey: keys.evaluationList('monitoring-view', ask),
    queryFn: ({ signal }) => unwrap(client.GET('/api/dashboard/monitoring', { params: { query: ask }, signal })),
    placeholderData: keepPreviousData,
  });
  const v = view.data;
  const year = v?.year ?? null;
  /** The address with some of the view's keys changed (undefined: removed); a new department clears the unit. */
  const go = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    next.set('view', 'monitoring');
    for (const [k, value] of Object.entries(change)) {
      if (value === undefined) next.delete(k);
      else next.set(k, value);
    }
    setParams(next);
  };
  const columns = useMemo(() => figureColumns(t), [t]);
  if (v && v.years.length === 0 && asked === null) {
    return (
      <Card className="page-card" title={t('monitoringView.title')}>
        <Empty description={t('monitoringView.none')} data-testid="monitoring-none" />
      </Card>
    );
  }
  const totals = v?.totals;
  const stats: Array<[string, keyof Figures, boolean]> = [
    ['projects', 'projects', false], ['offTrack', 'offTrack', true], ['offTrackWithoutCause', 'offTrackWithoutCause', true],
    ['impossible', 'impossible', true], ['behind', 'behindTimeProgress', true], ['overspend', 'overspendExpected', true],
  ];
  const chosenUnit = v?.units.find((u) => u.id === unit);
  return (
    <div className="dashboard-page" data-testid="monitoring-view">
      <Card
        className="page-card"
        title={t('monitoringView.title')}
        loading={view.isPending}
        extra={
          <Select
            value={year === null ? undefined : String(year)}
            onChange={(y) => go({ monitoringYear: y, department: undefined, unit: undefined })}
            options={(v?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
            style={{ width: 100 }}
            aria-label={t('dashboard.year')}
            data-testid="monitoring-year"
          />
        }
      >
        <Row gutter={16}>
          {stats.map(([word, key, red]) => (
            <Col key={key} flex="1 1 0" style={{ minWidth: 110 }}>
              <Statistic
                title={t(`monitoringView.${word}` as 'monitoringView.projects')}
                value={(totals?.[key] as number | undefined) ?? 0}
                styles={{ content: red ? alarm((totals?.[key] as number | undefined) ?? 0) : undefined }}
                data-testid={`monitoring-total-${key}`}
              />
            </Col>
          ))}
          <Col flex="1 1 0" style={{ minWidth: 110 }}>
            <Statistic title={t('monitoringView.rate')} value={formatRate(totals?.executionRate ?? null) || '—'} data-testid="monitoring-total-rate" />
          </Col>
        </Row>
        {totals && (
          <div className="muted" style={{ marginTop: 8 }}>
            {t('monitoringView.money', { budget: formatAmount(totals.budget), executed: formatAmount(totals.executedToDate), withSpending: totals.withSpending })}
          </div>
        )}
      </Card>
      <Card className="page-card" size="small" title={t('monitoringView.byDepartment')}>
        <GroupTable
          groups={v?.departments ?? []}
          rowTestId="monitoring-department-row"
          columns={[
            {
              key: 'name', title: t('monitoringView.department'),
              render: (_: unknown, g: Group) => (
                <OpenLink onOpen={() => go({ department: g.id === department ? undefined : g.id, unit: undefined })} testId="monitoring-department-open">{g.name}</OpenLink>
              ),
            },
            { key: 'units', title: t('monitoringView.units'), align: 'right', width: 70, render: (_: unknown, g: Group) => g.units },
            ...columns,
          ]}
        />
      </Card>
      {v?.department && (
        <Card
          className="page-card"
          size="small"
          title={t('monitoringView.unitsOf', { department: v.department.name })}
          extra={<Button size="small" onClick={() => go({ department: undefined, unit: undefined })} data-testid="monitoring-department-close">{t('monitoringView.back')}</Button>}
        >
          <GroupTable
            groups={v.units}
            rowTestId="monitoring-unit-row"
            columns={[
              {
                key: 'name', title: t('monitoringView.unit'),
                render: (_: unknown, g: Group) => <OpenLink onOpen={() => go({ unit: g.id === unit ? undefined : g.id })} testId="monitoring-unit-open">{g.name}</OpenLink>,
              },
              ...columns,
            ]}
          />
        </Card>
      )}
      {year !== null && (
        <Card
          className="page-card"
          size="small"
          title={t('monitoringView.projectsTitle')}
          extra={
            <Space wrap>
              {chosenUnit && (
                <Tag closable onClose={() => go({ unit: undefined })} data-testid="monitoring-unit-chip">{chosenUnit.name}</Tag>
              )}
              <Select
                value={list}
                onChange={(l) => go({ list: l === 'attention' ? undefined : l })}
                options={LISTS.map((l) => ({ value: l, label: t(`monitoringView.list.${l}`) }))}
                style={{ width: 180 }}
                aria-label={t('monitoringView.listLabel')}
                data-testid="monitoring-list"
              />
            </Space>
          }
        >
          <ProjectTable year={year} department={department} unit={unit} list={list} />
        </Card>
      )}
    </div>
  );
}

/** The departments' or the units' figures, 20 to a page when there are more. */
function GroupTable({ groups, rowTestId, columns }: { groups: Group[]; rowTestId: string; columns: NonNullable<TableProps<Group>['columns']> }) {
  return (
    <ResponsiveList<Group>
      size="small"
      bordered
      rowKey="id"
      scroll={{ x: 900 }}
      dataSource={groups}
      pagination={groups.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      onRow={(g) => ({ 'data-testid': rowTestId, 'data-id': g.id } as React.HTMLAttributes<HTMLElement>)}
      columns={columns}
    />
  );
}

/** One page of the list; a new year, place or list starts from the first page. */
function ProjectTable({ year, department, unit, list }: { year: number; department: string | undefined; unit: string | undefined; list: List }) {
  const { t } = useI18n();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const filterKey = `${year}|${department}|${unit}|${list}`;
  const [asked, setAsked] = useState(filterKey);
  if (asked !== filterKey) {
    setAsked(filterKey);
    setPage((p) => ({ ...p, current: 1 }));
  }
  const ask = { year, department, unit, list, limit: page.size, offset: (page.current - 1) * page.size };
  const projects = useQuery({
    queryKey: keys.evaluationList('monitoring-projects', ask),
    queryFn: ({ signal }) => unwrap(client.GET('/api/dashboard/monitoring/projects', { params: { query: ask }, signal })),
    placeholderData: keepPreviousData,
  });
  return (
    <ResponsiveList<Project>
      size="small"
      bordered
      rowKey="id"
      scroll={{ x: 960 }}
      loading={projects.isFetching}
      dataSource={projects.data?.items ?? []}
      onChange={(pagination) => setPage({ current: pagination.current ?? 1, size: pagination.pageSize ?? page.size })}
      pagination={{ current: page.current, pageSize: page.size, total: projects.data?.total ?? 0, pageSizeOptions: PAGE_SIZES, showSizeChanger: true, showTotal: (total) => t('dashboard.rows', { total }) }}
      onRow={(p) => ({ 'data-testid': 'monitoring-project-row', 'data-id': p.id } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { key: 'project', title: t('list.col.project'), render: (_: unknown, p: Project) => <Link to={`/monitoring/${p.id}`} data-testid="monitoring-project-link">{p.project}</Link> },
        { key: 'unit', title: t('list.col.unit'), render: (_: unknown, p: Project) => p.unit.name },
        {
          key: 'status', title: t('list.col.status'), width: 100, align: 'center',
          render: (_: unknown, p: Project) => (p.status === 'accepted' ? <Tag color="green">{t('monitoringView.accepted')}</Tag> : <StatusTag status={p.status as 'draft'} />),
        },
        {
          key: 'offTrack', title: t('monitoringView.indicatorsOffTrack'), align: 'right', width: 110,
          render: (_: unknown, p: Project) => (
            <span style={alarm(p.indicatorsOffTrack)}>
              {p.indicatorsOffTrack}/{p.indicators}
              {p.indicatorsOffTrackWithoutCause > 0 && <Tag color="red" style={{ marginInlineStart: 4 }}>{t('monitoringView.noCause', { count: p.indicatorsOffTrackWithoutCause })}</Tag>}
            </span>
          ),
        },
        { key: 'rate', title: t('monitoringView.rate'), align: 'right', width: 100, render: (_: unknown, p: Project) => formatRate(p.executionRate) },
        { key: 'time', title: t('monitoringView.timeProgress'), align: 'right', width: 100, render: (_: unknown, p: Project) => formatRate(p.timeProgress) },
        {
          key: 'behind', title: t('monitoringView.pointsBehind'), align: 'right', width: 110,
          render: (_: unknown, p: Project) => <span style={p.spendingBehind ? alarm(1) : undefined}>{p.pointsBehind ?? ''}</span>,
        },
        { key: 'overspend', title: t('monitoringView.expectedOverspend'), align: 'right', width: 120, render: (_: unknown, p: Project) => (p.overspendExpected ? formatAmount(p.expectedOverspend) : '') },
      ]}
    />
  );
}
