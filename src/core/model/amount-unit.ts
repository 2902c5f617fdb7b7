/**
 * The unit a form prints amounts in. The model keeps 元; `project.amountUnit` records "万元" where
 * the form printed 万元 (PRODUCT.md), so an evaluation prints in its own unit, else in 元. A blank
 * form (no evaluation yet) prints in its template's unit.
 */
import { dec, type Decimal } from '../decimal.ts';
import type { Template } from '../templates/template.ts';
import type { Evaluation } from './evaluation.ts';

export type AmountUnit = NonNullable<Evaluation['project']['amountUnit']>;

const YUAN_PER_WAN = 10000;

export function printedAmountUnit(evaluation: Evaluation | undefined, template: Template): AmountUnit {
  return evaluation ? (evaluation.project.amountUnit ?? '元') : template.amountUnit;
}

/** An amount in 元 ("215457.60") in the printed unit, exactly (21.54576 万元). */
export function inUnit(amountYuan: string, unit: AmountUnit): Decimal {
  return unit === '万元' ? dec(amountYuan).dividedBy(YUAN_PER_WAN) : dec(amountYuan);
}
