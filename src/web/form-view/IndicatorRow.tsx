/** One indicator row of the table, its cells in the template's column order, then its findings. */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { Fragment } from 'react';
import type { Indicator } from '../../core/model/evaluation.ts';
import type { UiFinding } from '../form/findings.ts';
import { useI18n } from '../locale/i18n.tsx';
import { PreviousActualLine, PreviousTargetLine, RecheckLine } from './BesideLines.tsx';
import { ChoiceCell, PointsCell, TextCell } from './cells.tsx';
import { SeverityIcon } from './FindingMark.tsx';
import { useForm } from './form-context.tsx';
import { ScoreCell } from './ScoreCell.tsx';

export interface RowActions {
  update: (patch: Partial<Indicator>) => void;
  remove: () => void;
  move: (direction: -1 | 1) => void;
  canMoveUp: boolean;
  canMoveDown: boolean;
}

type TextField = 'name' | 'target' | 'actual' | 'rule' | 'remark';
const TEXT_FIELDS: readonly string[] = ['name', 'target', 'actual', 'rule', 'remark'];

interface Props {
  index: number;
  /** The 一级指标 <td>: the block's spanning cell on its first row, null on the others, a picker on a row of no block. */
  categoryCell: React.ReactNode;
  actions: RowActions | undefined;
}

export function IndicatorRow({ index, categoryCell, actions }: Props) {
  const { evaluation, template, computed, findings, showSuggestions } = useForm();
  const { t, label } = useI18n();
  const indicator = evaluation.indicators[index]!;
  const at = (field: string) => findings.get(`indicators[${index}].${field}`);
  const update = actions?.update;
  // Every input says its row and column to a screen reader ("第3行 金洽会展位面积 自评分") and carries its path.
  const name = indicator.name?.trim() || t('grid.unnamed');
  const cellName = (field: string) => {
    const column = template.columns.find((c) => c.field === field);
    return t('grid.cell', { row: index + 1, name, column: column ? label(column.title) : field });
  };
  const place = (field: string) => ({ label: cellName(field), path: `indicators[${index}].${field}` });
  const cell = (field: string) => {
    if (field === 'weight') return <PointsCell value={indicator.weight} findings={at('weight')} testId={`indicator-weight-${index}`} {...place('weight')} onChange={update ? (weight) => update({ weight }) : undefined} />;
    if (field === 'score') return <ScoreCell index={index} indicator={indicator} suggestion={showSuggestions ? computed.suggestions[index] : undefined} findings={at('score')} onChange={update} hasActual={template.columns.some((c) => c.field === 'actual' && c.printed !== false)} {...place('score')} />;
    if (field === 'subcategory') {
      const options = template.categories.find((c) => c.key === indicator.category)?.subcategories ?? [];
      return <ChoiceCell value={indicator.subcategory} options={options.map((s) => ({ value: s, label: s }))} findings={at('subcategory')} testId={`indicator-subcategory-${index}`} {...place('subcategory')} onChange={update ? (subcategory) => update({ subcategory }) : undefined} />;
    }
    if (TEXT_FIELDS.includes(field)) {
      const key = field as TextField;
      return <TextCell multiline value={indicator[key]} findings={at(key)} testId={`indicator-${key}-${index}`} {...place(key)} onChange={update ? (v) => update({ [key]: v }) : undefined} />;
    }
    return <span className="cell-text">{String((indicator as Record<string, unknown>)[field] ?? '')}</span>;
  };
  return (
    <tr className="indicator-row" data-testid={`indicator-row-${index}`}>
      {template.columns.map((c) =>
        // The 一级指标 cell is a whole <td> (spanning the block, or a row's own picker) or nothing.
        c.field === 'category' ? (
          <Fragment key={c.field}>{categoryCell}</Fragment>
        ) : (
          <td key={c.field} className={`col-${c.field}`}>
            {cell(c.field)}
            {c.field === 'target' && <PreviousTargetLine index={index} withActual={!template.columns.some((x) => x.field === 'actual')} />}
            {c.field === 'actual' && <PreviousActualLine index={index} />}
            {c.field === 'score' && <RecheckLine index={index} selfScore={indicator.score} />}
          </td>
        ),
      )}
      {actions && <RowButtons index={index} actions={actions} />}
    </tr>
  );
}

function RowButtons({ index, actions }: { index: number; actions: RowActions }) {
  const { t } = useI18n();
  return (
    <td className="col-actions">
      <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={!actions.canMoveUp} onClick={() => actions.move(-1)} title={t('indicator.moveUp')} data-testid={`move-up-${index}`} />
      <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={!actions.canMoveDown} onClick={() => actions.move(1)} title={t('indicator.moveDown')} data-testid={`move-down-${index}`} />
      <Popconfirm title={t('indicator.removeConfirm')} onConfirm={actions.remove} okText={t('common.ok')} cancelText={t('common.cancel')}>
        <Button type="text" size="small" danger icon={<DeleteOutlined />} title={t('indicator.remove')} data-testid={`remove-indicator-${index}`} />
      </Popconfirm>
    </td>
  );
}

/** The row's findings, each with the column it concerns, in a line under the row. */
export function RowFindings({ index, columns }: { index: number; columns: number }) {
  const { findings } = useForm();
  const fieldLabel = useRowFieldLabel();
  const own: UiFinding[] = [];
  for (const [path, list] of findings) if (path === `indicators[${index}]` || path.startsWith(`indicators[${index}].`)) own.push(...list);
  if (own.length === 0) return null;
  return (
    <tr className="row-findings" data-testid={`indicator-findings-${index}`}>
      <td colSpan={columns}>
        {own.map((f) => (
          <div key={f.path + f.code} className={`finding-line finding-${f.severity}`} data-code={f.code} data-path={f.path}>
            <SeverityIcon severity={f.severity} /> {f.cell ?? `${fieldLabel(f.path)}：${f.text}`}
          </div>
        ))}
      </td>
    </tr>
  );
}

function useRowFieldLabel() {
  const { template } = useForm();
  const { label } = useI18n();
  return (path: string) => {
    const generic = path.replace(/\[\d+\]/gu, '[]');
    const l = template.fieldLabels[generic];
    return l ? label(l) : generic;
  };
}
