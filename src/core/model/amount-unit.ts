/**
 * The unit a form prints amounts in. The model keeps 元; `project.amountUnit` records "万元" where
 * the form printed 万元 (PRODUCT.md), so an evaluation prints in its own unit, else in 元. A blank
 * form (no evaluation yet) prints in its template's unit.
 */
import { exactText } from '../numbers/exact-decimal.ts';
import { fenOf } from '../numbers/hundredths.ts';
import type { Template } from '../templates/template.ts';
import type { Evaluation } from './evaluation.ts';

export type AmountUnit = NonNullable<Evaluation['project']['amountUnit']>;

/** The unit the model keeps every amount in. */
export const MODEL_AMOUNT_UNIT: AmountUnit = '元';


export function printedAmountUnit(evaluation: Evaluation | undefined, template: Template): AmountUnit {
  return evaluation ? (evaluation.project.amountUnit ?? '元') : template.amountUnit;
}

/**
 * An amount in 元 ("215457.60") as the printed unit writes it, exactly, with at least 2
 * decimals: "215457.60" 元, "21.54576" 万元; null where the text is not a model amount.
 */
export function amountInUnit(amountYuan: string, unit: AmountUnit): string | null {
  const fen = fenOf(amountYuan.trim());
  if (fen === null) return null;
  // 1 fen is 10^-6 万元.
  return exactText({ units: BigInt(fen), places: unit === '万元' ? 6 : 2 }, 2);
}
