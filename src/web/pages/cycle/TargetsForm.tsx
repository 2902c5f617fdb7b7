/**
 * The targets as the national 项目支出绩效目标申报表 prints them: 项目名称, 主管部门, 实施单位, 项目资金
 * (年度资金总额 / 其中：财政拨款 / 其他资金), 年度总体目标, then the indicator table (一级/二级/三级指标,
 * 指标值, 分值, 评分规则). The evaluation editor's cells: what is typed is kept as typed, a number
 * that does not read stays red in its cell with the reason, never rounded or clamped.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import type { Targets } from '../../../core/model/targets.ts';
import { categoryLabel } from '../../../core/templates/labels.ts';
import type { Template } from '../../../core/templates/template.ts';
import { indexByPath, type UiFinding } from '../../form/findings.ts';
import { AmountCell, ChoiceCell, PointsCell, TextCell } from '../../form-view/cells.tsx';
import { FindingLines } from '../../form-view/FindingMark.tsx';
import { useI18n } from '../../locale/i18n.tsx';
import { HeadColumns, HeadField, IndicatorGrid, patchAt, rowFindings, useLayoutWords, type Layout } from './cycle-form.tsx';

interface Props {
  targets: Targets;
  template: Template;
  layout: Layout;
  findings: UiFinding[];
  change: ((update: (t: Targets) => Targets) => void) | undefined;
}

const newId = () => globalThis.crypto?.randomUUID?.() ?? `new-${Date.now()}`;

export function TargetsForm({ targets, template, layout, findings, change }: Props) {
  const { t, label } = useI18n();
  const words = useLayoutWords(layout, { year: targets.year });
  const byPath = indexByPath(findings);
  const edit = change;
  const setProject = (key: 'name' | 'budgetUnit' | 'department') => (edit ? (v: string) => edit((d) => ({ ...d, project: { ...d.project, [key]: v } })) : undefined);
  const funding = targets.funding ?? [];
  const indicators = targets.indicators;
  const columns = layout.columns.map((c) => c.field);
  const categoryOptions = template.categories.map((c) => ({ value: c.key, label: label(c.label) }));
  const cellLabel = (i: number, field: string) => t('cycle.rowLabel', { row: i + 1, name: indicators[i]?.name ?? '', field: words.column(field) });
  const setIndicator = (i: number) => (patch: Partial<Targets['indicators'][number]>) => edit?.((d) => ({ ...d, indicators: patchAt(d.indicators, i, patch) }));
  return (
    <div className="paper cycle-paper" data-testid="targets-form" data-template={template.id}>
      <h2 className="form-title">{words.title}</h2>
      <div className="form-subtitle">{words.field('form.subtitle', `（${targets.year}）`)}</div>
      <table className="form-grid cycle-head">
        <HeadColumns />
        <tbody>
          <tr>
            <HeadField label={words.field('project.name')} path="project.name" value={targets.project.name} onChange={setProject('name')} findings={byPath} colSpan={3} />
          </tr>
          <tr>
            <HeadField label={words.field('project.budgetUnit')} path="project.budgetUnit" value={targets.project.budgetUnit} onChange={setProject('budgetUnit')} findings={byPath} />
            <HeadField label={words.field('project.department')} path="project.department" value={targets.project.department} onChange={setProject('department')} findings={byPath} />
          </tr>
          {funding.map((row, i) => (
            <tr key={i} data-testid="funding-row">
              {i === 0 && <th className="form-label" rowSpan={funding.length}>{words.field('form.fundingHeading').replace('{unit}', t('form.yuan'))}</th>}
              <td className="form-value">
                <TextCell value={row.source} onChange={edit ? (v) => edit((d) => ({ ...d, funding: patchAt(d.funding ?? [], i, { source: v ?? '' }) })) : undefined} findings={byPath.get(`funding[${i}].source`)} testId={`funding-${i}-source`} path={`funding[${i}].source`} label={t('cycle.fundingSource')} />
              </td>
              <td className="form-value" colSpan={2}>
                <AmountCell value={row.budget} onChange={edit ? (v) => edit((d) => ({ ...d, funding: patchAt(d.funding ?? [], i, { budget: v ?? '' }) })) : undefined} findings={byPath.get(`funding[${i}].budget`)} testId={`funding-${i}-budget`} path={`funding[${i}].budget`} label={`${row.source} ${words.field('funding[].budget')}`} />
                <FindingLines findings={byPath.get(`funding[${i}].budget`)} />
              </td>
            </tr>
          ))}
          <tr>
            <HeadField label={words.field('annualGoal')} path="annualGoal" value={targets.annualGoal} onChange={edit ? (v) => edit((d) => ({ ...d, annualGoal: v })) : undefined} findings={byPath} multiline colSpan={3} />
          </tr>
        </tbody>
      </table>
      <IndicatorGrid
        kind="targets"
        className="targets-indicators"
        columns={columns}
        column={words.column}
        actionsTitle={edit ? t('indicator.actions') : undefined}
        tableFindings={byPath.get('indicators')}
        rows={indicators.map((ind, i) => {
          const set = setIndicator(i);
          const at = (field: string) => byPath.get(`indicators[${i}].${field}`);
          return {
            key: ind.id ?? String(i),
            id: ind.id,
            title: ind.name,
            subtitle: '',
            findings: rowFindings(findings, i),
            actions: edit && (
              // Asked first, as the evaluation editor asks (IndicatorRow): a row's typing is gone with it.
              <Popconfirm title={t('indicator.removeConfirm')} onConfirm={() => edit((d) => ({ ...d, indicators: d.indicators.filter((_, j) => j !== i) }))} okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ danger: true, 'data-testid': 'confirm-remove-indicator' } as Record<`data-${string}`, string>} cancelButtonProps={{ 'data-testid': 'cancel-remove-indicator' } as Record<`data-${string}`, string>}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('cycle.removeIndicator', { row: i + 1 })} data-testid={`indicator-remove-${i}`} />
              </Popconfirm>
            ),
            cells: {
              category: edit
                ? <ChoiceCell value={ind.category} options={categoryOptions} onChange={(v) => set({ category: v ?? '' })} findings={at('category')} testId={`indicator-category-${i}`} path={`indicators[${i}].category`} label={cellLabel(i, 'category')} />
                : <span className="cell-text">{label(categoryLabel(template, ind.category))}</span>,
              subcategory: <TextCell multiline value={ind.subcategory} onChange={edit ? (v) => set({ subcategory: v }) : undefined} findings={at('subcategory')} testId={`indicator-subcategory-${i}`} path={`indicators[${i}].subcategory`} label={cellLabel(i, 'subcategory')} />,
              name: <TextCell multiline value={ind.name} onChange={edit ? (v) => set({ name: v ?? '' }) : undefined} findings={at('name')} testId={`indicator-name-${i}`} path={`indicators[${i}].name`} label={cellLabel(i, 'name')} />,
              target: <TextCell multiline value={ind.target} onChange={edit ? (v) => set({ target: v ?? '' }) : undefined} findings={at('target')} testId={`indicator-target-${i}`} path={`indicators[${i}].target`} label={cellLabel(i, 'target')} />,
              // A cleared weight is left out (not filled): the save waits for it, the cell and the note say so.
              weight: <PointsCell value={ind.weight as number | undefined} onChange={edit ? (v) => set({ weight: v as number }) : undefined} findings={at('weight')} testId={`indicator-weight-${i}`} path={`indicators[${i}].weight`} label={cellLabel(i, 'weight')} />,
              rule: <TextCell multiline value={ind.rule} onChange={edit ? (v) => set({ rule: v }) : undefined} findings={at('rule')} testId={`indicator-rule-${i}`} path={`indicators[${i}].rule`} label={cellLabel(i, 'rule')} />,
            },
          };
        })}
      />
      {edit && (
        <Button className="cycle-add" icon={<PlusOutlined />} onClick={() => edit((d) => ({ ...d, indicators: [...d.indicators, { id: newId(), category: template.categories[0]!.key, name: '', target: '', weight: 0 }] }))} data-testid="add-indicator">
          {t('cycle.addIndicator')}
        </Button>
      )}
    </div>
  );
}
