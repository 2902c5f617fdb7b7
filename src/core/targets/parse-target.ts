/**
 * Reading a target as written ("》=50家", "≥95%", "不少于10场", "90%以上", "每年12月底前", "较满意")
 * into what scoring needs: an operator and a quantity, a deadline, or a qualitative level.
 */
import { memoByString } from '../memo.ts';
import { alternation, normalizeText } from './normalize.ts';
import { makeQuantity, MULTIPLIER_SOURCE, NUMBER_SOURCE, UNIT_SOURCE, type Quantity } from './quantity.ts';
import {
  DEADLINE_PATTERN,
  OPERATOR_SIGNS,
  OPERATOR_SUFFIXES,
  OPERATOR_WORDS,
  QUALITATIVE_SCALES,
  type Operator,
} from './vocabulary.ts';

export type Direction = 'positive' | 'reverse';

export type Target =
  | { kind: 'empty' }
  | { kind: 'numeric'; operator: Operator; direction: Direction; quantity: Quantity; label: string }
  | { kind: 'deadline'; year: number | null; month: number; day: number | null }
  | { kind: 'qualitative'; text: string; scale: ScalePosition | null };

/** Where a word stands on an ordered scale (rank 0 is the best). */
export interface ScalePosition {
  scale: string;
  rank: number;
}

export function directionOf(operator: Operator): Direction {
  return operator === 'lte' || operator === 'lt' ? 'reverse' : 'positive';
}

const OPERATOR_LOOKUP = new Map<string, Operator>([...OPERATOR_SIGNS, ...OPERATOR_WORDS, ...OPERATOR_SUFFIXES]);

const PREFIX_SOURCE = alternation([...OPERATOR_SIGNS, ...OPERATOR_WORDS].map(([w]) => w));
const SUFFIX_SOURCE = alternation(OPERATOR_SUFFIXES.map(([w]) => w));

/**
 * [label][operator]number[multiplier][%][unit][suffix]. A label ("完成率≥95%") is allowed only
 * before an operator, so that "2021年完成" is not read as a number.
 */
const NUMERIC_TARGET = new RegExp(
  String.raw`^(?:(?<label>[^\d]{0,30}?)(?<op>${PREFIX_SOURCE}))?` +
    String.raw`(?<number>${NUMBER_SOURCE})(?<multiplier>${MULTIPLIER_SOURCE})?(?<percent>%)?` +
    String.raw`(?<unit>${UNIT_SOURCE})(?<suffix>${SUFFIX_SOURCE})?$`,
  'u',
);

/** Targets are parsed once per spelling: the result is shared, so it must never be changed. */
export function parseTarget(raw: string | undefined): Target {
  return parseNormalized(normalizeText(raw ?? ''));
}

const parseNormalized = memoByString((text: string): Target => {
  if (text === '') return { kind: 'empty' };
  return parseDeadline(text) ?? parseNumeric(text) ?? { kind: 'qualitative', text, scale: scalePosition(text) };
});

function parseNumeric(text: string): Target | null {
  const g = NUMERIC_TARGET.exec(text)?.groups;
  if (!g) return null;
  // "2021年完成" is a year, not a count of years.
  if (!g.op && !g.suffix && /^(?:19|20)\d\d$/u.test(g.number!) && g.unit?.startsWith('年')) return null;
  // Without any operator a bare number is an equality target ("100%", "5场").
  const operator = OPERATOR_LOOKUP.get(g.op ?? g.suffix ?? '=') ?? 'eq';
  const quantity = makeQuantity(g.number!, g.multiplier ?? '', g.percent !== undefined, g.unit ?? '');
  return { kind: 'numeric', operator, direction: directionOf(operator), quantity, label: g.label ?? '' };
}

function parseDeadline(text: string): Target | null {
  const g = DEADLINE_PATTERN.exec(text)?.groups;
  if (!g || (!g.year && !g.month && !g.yearEnd)) return null;
  const month = g.month ? Number(g.month) : 12;
  if (month < 1 || month > 12) return null;
  return { kind: 'deadline', year: g.year ? Number(g.year) : null, month, day: g.day ? Number(g.day) : null };
}

/** The position of a word on one of the ordered qualitative scales, if it is one of their levels (shared: never change it). */
export const scalePosition = memoByString((raw: string): ScalePosition | null => {
  const text = normalizeText(raw).replace(/[。.！!]+$/u, '').replace(/及以上$/u, '');
  for (const scale of QUALITATIVE_SCALES) {
    const rank = scale.levels.indexOf(text);
    if (rank >= 0) return { scale: scale.name, rank };
  }
  return null;
});
