/**
 * The label | value fields of the form (项目名称, 预算单位, …, 自评时间, 绩效等级, 主要绩效): each
 * found by its label, its value the cell to the right, or, for a block of text whose right
 * neighbour is another label (预期目标 | 实际完成情况), the cell below.
 */
import type { DiagnosticSink } from '../diagnostics.ts';
import { readAmount, readDate, readGrade, readRate, readYesNo, yesNoWords, type ValueReading } from '../../core/values/read-value.ts';
import { setField, type FormDraft } from './form-draft.ts';
import type { FormLabels } from './form-labels.ts';
import type { FormRegion, PlacedCell } from './form-region.ts';
import type { AmountUnit } from '../labels/label-key.ts';

export const HEADER_FIELDS = [
  'project.name',
  'project.budgetUnit',
  'project.department',
  'project.recurring',
  'project.budgetInitial',
  'project.budgetCurrentYear',
  'project.budgetPreviousYear',
  'project.executed',
  'project.executionRate',
  'annualGoal',
  'actualOutcome',
  'evaluatedOn',
  'grade',
  'achievements',
  'problems',
  'improvements',
] as const;

const AMOUNTS = new Set<string>(['project.budgetInitial', 'project.budgetCurrentYear', 'project.budgetPreviousYear', 'project.executed']);

interface Found {
  label: PlacedCell;
  value: PlacedCell | undefined;
  unit: AmountUnit | undefined;
}

/** Fields written as a block of text, which some forms print under their label rather than beside it. */
export const TEXT_BLOCKS: ReadonlySet<string> = new Set<string>(['annualGoal', 'actualOutcome', 'achievements', 'problems', 'improvements']);

function valueCell(region: FormRegion, labels: FormLabels, label: PlacedCell, path: string): PlacedCell | undefined {
  const right = region.rightOf(label);
  if (right && !labels.isLabel(right)) return right;
  // A short field whose value cell is missing is blank; the cell below belongs to another field.
  if (!TEXT_BLOCKS.has(path)) return undefined;
  const below = region.below(label);
  return below && !labels.isLabel(below) ? below : undefined;
}

/** The first printing of the field's label that has a value; else its first printing. */
function findField(region: FormRegion, labels: FormLabels, path: string, cells: readonly PlacedCell[]): Found | undefined {
  let first: Found | undefined;
  for (const cell of cells) {
    const match = labels.match(path, cell.text);
    if (!match) continue;
    const found = { label: cell, value: valueCell(region, labels, cell, path), unit: match.unit };
    if (found.value) return found;
    first ??= found;
  }
  return first;
}

function report<T>(sink: DiagnosticSink, parsed: ValueReading<T>, path: string, text: string, location: string): T | undefined {
  if (parsed.ok) return parsed.value;
  if (parsed.problem === 'notGrade') sink.add('warning', 'UNREADABLE_VALUE', 'grid.notGrade', { text, field: path }, { location, path });
  else if (parsed.problem !== 'blank') sink.add('warning', 'UNREADABLE_VALUE', 'grid.unreadableValue', { text, field: path }, { location, path });
  return undefined;
}

function readValue(draft: FormDraft, path: string, found: Found): unknown {
  const text = found.value?.text ?? '';
  const location = found.value?.location ?? found.label.location;
  const sink = draft.diagnostics;
  if (AMOUNTS.has(path)) {
    const unit = found.unit ?? draft.template.amountUnit;
    const amount = report(sink, readAmount(text, unit), path, text, location);
    if (amount) draft.units.add(amount.unit);
    else if (found.unit) draft.units.add(found.unit);
    return amount?.yuan ?? '';
  }
  if (path === 'project.executionRate') return report(sink, readRate(text), path, text, location) ?? '';
  if (path === 'evaluatedOn') return report(sink, readDate(text), path, text, location) ?? '';
  if (YES_NO_FIELDS.has(path)) return report(sink, readYesNo(text, yesNoWords(draft.template)), path, text, location);
  if (path === 'grade') return report(sink, readGrade(text, draft.template), path, text, location) ?? '';
  return text.trim();
}

/** Header fields answered 是/否 (the template's yes and no words). */
export const YES_NO_FIELDS: ReadonlySet<string> = new Set(['project.recurring']);

/**
 * Reads every header field the template labels, from `cells` (the form without its indicator
 * table and funding block); `skip` holds fields another part of the form has read.
 */
export function readHeaderFields(draft: FormDraft, region: FormRegion, labels: FormLabels, cells: readonly PlacedCell[], skip: ReadonlySet<string>): void {
  for (const path of HEADER_FIELDS) {
    if (!labels.has(path) || skip.has(path)) continue;
    const found = findField(region, labels, path, cells);
    if (!found) {
      draft.diagnostics.add('warning', 'FIELD_NOT_FOUND', 'grid.fieldNotFound', { field: draft.template.fieldLabels[path]!.zh }, { path });
      continue;
    }
    const value = readValue(draft, path, found);
    if (value === undefined) continue;
    setField(draft, path, value, found.value?.location ?? found.label.location);
  }
}
