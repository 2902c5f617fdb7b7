/**
 * The indicator table as the form prints it: 一级指标 cells spanning their block's rows, each
 * block closed by its subtotal against the template's cap (产出指标 43 / 45), then 合计 and 绩效等级.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { BlockSubtotal } from '../../core/scoring/compute.ts';
import { blockLabel } from '../../core/templates/labels.ts';
import { groupIntoBlocks, addIndicator, moveIndicator, removeIndicator, updateIndicator, type Block } from '../form/indicators.ts';
import { useI18n } from '../locale/i18n.tsx';
import { formatPoints } from '../format/numbers.ts';
import { RecheckTotal } from './BesideLines.tsx';
import { ChoiceCell } from './cells.tsx';
import { FindingLines, FindingMark } from './FindingMark.tsx';
import { useForm } from './form-context.tsx';
import { IndicatorRow, RowFindings, type RowActions } from './IndicatorRow.tsx';

let nextId = 0;
/** Rows added here get an id so React keeps their inputs apart; files may omit it. */
function newIndicatorId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `new-${Date.now()}-${nextId++}`;
}

export function IndicatorTable() {
  const { evaluation, template, computed, findings, change } = useForm();
  const { label, t } = useI18n();
  const blocks = groupIntoBlocks(evaluation.indicators, template);
  const editable = change !== undefined;
  const width = template.columns.length + (editable ? 1 : 0);
  return (
    <table className="form-grid indicator-table" data-testid="indicator-table">
      <thead>
        <tr>
          {template.columns.map((c) => (
            <th key={c.field} className={`col-${c.field}`}>
              {label(c.title)}
              {/* Recorded, not printed (the template says so): the Shanghai form's 实际完成值. */}
              {c.printed === false && (
                <Tooltip title={t('grid.notPrintedHelp')}>
                  <span className="muted not-printed" data-testid={`not-printed-${c.field}`}>{t('grid.notPrinted')}</span>
                </Tooltip>
              )}
            </th>
          ))}
          {editable && <th className="col-actions">{t('indicator.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {blocks.map((block) => (
          <BlockRows key={block.categories.join('+') || 'other'} block={block} width={width} />
        ))}
        <TotalsRows width={width} />
      </tbody>
      {findings.get('indicators') && (
        <tfoot>
          <tr>
            <td colSpan={width}>
              <FindingLines findings={findings.get('indicators')} />
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function BlockRows({ block, width }: { block: Block; width: number }) {
  const { evaluation, template, computed, findings, change } = useForm();
  const { label, t } = useI18n();
  const editable = change !== undefined;
  const subtotal = computed.blocks.find((b) => b.categories.join('+') === block.categories.join('+'));
  const hasFindings = (i: number) => [...findings.keys()].some((p) => p === `indicators[${i}]` || p.startsWith(`indicators[${i}].`));
  const findingRows = block.rows.filter(hasFindings).length;
  const caption = block.cap === null ? t('indicator.otherBlock') : label(blockLabel(template, block.categories));
  const key = block.categories.join('+') || 'other';
  const spanning = block.cap !== null;
  const categoryCell = (
    <td rowSpan={block.rows.length + findingRows + 1} className="col-category block-caption" data-testid={`block-${key}`}>
      <div>{caption}</div>
      {subtotal && <div className="block-cap">{t('indicator.capPoints', { points: subtotal.cap })}</div>}
    </td>
  );
  const actions = (i: number): RowActions | undefined =>
    change && {
      update: (patch) => change((e) => ({ ...e, indicators: updateIndicator(e.indicators, i, patch) })),
      remove: () => change((e) => ({ ...e, indicators: removeIndicator(e.indicators, i) })),
      move: (d) => change((e) => ({ ...e, indicators: moveIndicator(e.indicators, block.rows, i, d) })),
      canMoveUp: block.rows.indexOf(i) > 0,
      canMoveDown: block.rows.indexOf(i) < block.rows.length - 1,
    };
  return (
    <>
      {block.rows.length === 0 && spanning && <tr>{categoryCell}</tr>}
      {block.rows.map((i, n) => (
        <Rows key={evaluation.indicators[i]!.id ?? `row-${i}`} index={i} first={n === 0 && spanning ? categoryCell : spanning ? null : <UnassignedCategory index={i} />} actions={actions(i)} width={spanning ? width - 1 : width} />
      ))}
      <tr className="block-subtotal" data-testid={`block-subtotal-${key}`}>
        {!spanning && <td />}
        {template.columns.slice(1).map((c) => (
          <td key={c.field} className={`col-${c.field}`}><SubtotalCell field={c.field} block={block} subtotal={subtotal} /></td>
        ))}
        {editable && (
          <td className="col-actions">
            {spanning && (
              <Button size="small" type="dashed" icon={<PlusOutlined />} data-testid={`add-indicator-${key}`} onClick={() => change?.((e) => ({ ...e, indicators: addIndicator(e.indicators, block.categories[0]!, newIndicatorId()) }))}>
                {t('indicator.add')}
              </Button>
            )}
          </td>
        )}
      </tr>
    </>
  );
}

function SubtotalCell({ field, block, subtotal }: { field: string; block: Block; subtotal: BlockSubtotal | undefined }) {
  const { template } = useForm();
  const { label, t } = useI18n();
  if (!subtotal) return field === template.columns[1]?.field ? <span className="muted">{t('indicator.otherHint')}</span> : null;
  const caption = label(blockLabel(template, block.categories));
  if (field === template.columns[1]?.field) return <span className="subtotal-label">{t('indicator.subtotal', { block: caption })}</span>;
  if (field === 'weight') {
    const off = subtotal.weight !== subtotal.cap;
    return (
      <span className={off ? 'subtotal off' : 'subtotal'} data-testid={`block-weight-${block.categories.join('+')}`}>
        {formatPoints(subtotal.weight)} / {subtotal.cap}
      </span>
    );
  }
  if (field === 'score') {
    return (
      <span className="subtotal" data-testid={`block-score-${block.categories.join('+')}`}>
        {formatPoints(subtotal.score)} / {subtotal.cap}
      </span>
    );
  }
  return null;
}

function Rows({ index, first, actions, width }: { index: number; first: React.ReactNode; actions: RowActions | undefined; width: number }) {
  return (
    <>
      <IndicatorRow index={index} categoryCell={first} actions={actions} />
      <RowFindings index={index} columns={width} />
    </>
  );
}

/** A row whose 一级指标 the template does not know: pick its block here. */
function UnassignedCategory({ index }: { index: number }) {
  const { evaluation, template, findings, change } = useForm();
  const { label, t } = useI18n();
  return (
    <td className="col-category">
      <ChoiceCell
        value={evaluation.indicators[index]!.category}
        options={template.categories.map((c) => ({ value: c.key, label: label(c.label) }))}
        findings={findings.get(`indicators[${index}].category`)}
        testId={`indicator-category-${index}`}
        label={t('grid.cell', { row: index + 1, name: evaluation.indicators[index]!.name?.trim() || t('grid.unnamed'), column: label(template.columns[0]!.title) })}
        path={`indicators[${index}].category`}
        onChange={change ? (category) => change((e) => ({ ...e, indicators: updateIndicator(e.indicators, index, { category }) })) : undefined}
      />
      <FindingMark findings={findings.get(`indicators[${index}].category`)} />
    </td>
  );
}

function TotalsRows({ width }: { width: number }) {
  const { evaluation, template, computed, findings } = useForm();
  const { label, t } = useI18n();
  const l = (key: string, fallback: string) => (template.fieldLabels[key] ? label(template.fieldLabels[key]) : fallback);
  const weightCol = template.columns.findIndex((c) => c.field === 'weight');
  const scoreCol = template.columns.findIndex((c) => c.field === 'score');
  const cells = template.columns.map((c, i) => {
    if (i === 0) return <th key={c.field} className="form-label">{l('totals', t('indicator.total'))}</th>;
    if (i === weightCol) return <td key={c.field} className="cell-number total" data-testid="total-weight">{formatPoints(computed.weight)} <FindingMark findings={findings.get('totals.weight')} /></td>;
    if (i === scoreCol) return <td key={c.field} className="cell-number total" data-testid="total-score">{formatPoints(computed.score)} <FindingMark findings={findings.get('totals.score')} /><RecheckTotal /></td>;
    return <td key={c.field} />;
  });
  const extra = width - template.columns.length;
  return (
    <>
      <tr className="totals-row">
        {cells}
        {extra > 0 && <td />}
      </tr>
      <tr className="grade-row">
        <th className="form-label">{l('grade', t('indicator.grade'))}</th>
        <td colSpan={width - 1}>
          <span className={`grade grade-${computed.grade.min}`} data-testid="grade">{label(computed.grade.label)}</span>
          {evaluation.grade && evaluation.grade !== computed.grade.label.zh && <span className="muted"> {t('indicator.statedGrade', { grade: evaluation.grade })}</span>}
          <FindingLines findings={findings.get('grade')} />
          <FindingLines findings={findings.get('totals.score')} />
        </td>
      </tr>
    </>
  );
}
