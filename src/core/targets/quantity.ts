/**
 * A number as written on a form: digits, a multiplier (万, 亿), a percent sign and a unit.
 * `value` is scaled by the multiplier so that "1000万" and "10000000" compare equal.
 */
import { memoByString } from '../memo.ts';
import { exactOf, exactText, scaledByPowerOfTen, type ExactDecimal } from '../numbers/exact-decimal.ts';
import { alternation, normalizeText } from './normalize.ts';
import { MULTIPLIER_POWERS } from './vocabulary.ts';

export interface Quantity {
  /** The number as written, without multiplier: "1000" of "1000万". */
  number: string;
  multiplier: string;
  percent: boolean;
  unit: string;
  /** number × multiplier, as a decimal string without trailing zeros ("1.2万" → "12000"). */
  value: string;
  /** The same, exactly, for arithmetic. */
  exact: ExactDecimal;
}

export const NUMBER_SOURCE = String.raw`\d+(?:\.\d+)?`;
export const MULTIPLIER_SOURCE = alternation(Object.keys(MULTIPLIER_POWERS));
/** A unit is short and has no digits, signs or punctuation: 场, 平方米, 人次, 万元. */
export const UNIT_SOURCE = String.raw`[^\d\s%‰=<>《》≥≤≧≦,，。;；:：、()（）]{0,5}?`;

/** `number` is digits with an optional fraction (NUMBER_SOURCE). */
export function makeQuantity(number: string, multiplier = '', percent = false, unit = ''): Quantity {
  const exact = scaledByPowerOfTen(exactOf(number)!, MULTIPLIER_POWERS[multiplier] ?? 0);
  return { number, multiplier, percent, unit, value: exactText(exact), exact };
}

const QUANTITY_ONLY = new RegExp(
  String.raw`^(?<number>${NUMBER_SOURCE})(?<multiplier>${MULTIPLIER_SOURCE})?(?<percent>%)?(?<unit>${UNIT_SOURCE})$`,
  'u',
);

/**
 * The quantity an actual value states ("52家", "100%", "1.2万元"), or null if it states none.
 * Parsed once per spelling: the result is shared, so it must never be changed.
 */
export const parseQuantity = memoByString((raw: string): Quantity | null => {
  const match = QUANTITY_ONLY.exec(normalizeText(raw));
  if (!match?.groups) return null;
  const g = match.groups;
  return makeQuantity(g.number!, g.multiplier ?? '', g.percent !== undefined, g.unit ?? '');
});

const QUANTITY_ANYWHERE = new RegExp(
  String.raw`(?<number>${NUMBER_SOURCE})(?<multiplier>${MULTIPLIER_SOURCE})?(?<percent>%)?`,
  'gu',
);

/** Every number in a free text (a scoring rule), scaled by its multiplier. */
export function quantitiesIn(raw: string): Quantity[] {
  return [...normalizeText(raw).matchAll(QUANTITY_ANYWHERE)].map((m) =>
    makeQuantity(m.groups!.number!, m.groups!.multiplier ?? '', m.groups!.percent !== undefined),
  );
}

/** Whether two quantities can be compared: same percent-ness and no conflicting units. */
export function comparable(a: Quantity, b: Quantity): boolean {
  if (a.percent !== b.percent) return false;
  return a.unit === '' || b.unit === '' || a.unit === b.unit;
}
