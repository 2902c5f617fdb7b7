/**
 * The words and signs people write in targets and actuals, in one place.
 * This is the vocabulary of the forms (data), not UI text.
 */

export type Operator = 'eq' | 'gte' | 'gt' | 'lte' | 'lt';

/**
 * Operator spellings, longest first so that `》=` wins over `》`. Text is NFKC-normalised before
 * matching, which already folds full-width `＞＝＜` into `>=<`; `》《` are not folded by NFKC.
 */
export const OPERATOR_SIGNS: ReadonlyArray<readonly [string, Operator]> = [
  ['》=', 'gte'], ['>=', 'gte'], ['=>', 'gte'], ['≥', 'gte'], ['≧', 'gte'], ['⩾', 'gte'],
  ['《=', 'lte'], ['<=', 'lte'], ['=<', 'lte'], ['≤', 'lte'], ['≦', 'lte'], ['⩽', 'lte'],
  ['==', 'eq'], ['=', 'eq'],
  ['》', 'gt'], ['>', 'gt'],
  ['《', 'lt'], ['<', 'lt'],
];

/** Operators written as words before the number, longest first. */
export const OPERATOR_WORDS: ReadonlyArray<readonly [string, Operator]> = [
  ['大于等于', 'gte'], ['大于或等于', 'gte'], ['不少于', 'gte'], ['不低于', 'gte'], ['不小于', 'gte'], ['至少', 'gte'], ['达到', 'gte'],
  ['小于等于', 'lte'], ['小于或等于', 'lte'], ['不多于', 'lte'], ['不高于', 'lte'], ['不大于', 'lte'], ['不超过', 'lte'], ['最多', 'lte'], ['控制在', 'lte'],
  ['大于', 'gt'], ['高于', 'gt'], ['多于', 'gt'], ['超过', 'gt'],
  ['小于', 'lt'], ['低于', 'lt'], ['少于', 'lt'],
  ['等于', 'eq'],
];

/** Words after the number that give the direction: "90%以上", "5天以内" (inclusive, as in law). */
export const OPERATOR_SUFFIXES: ReadonlyArray<readonly [string, Operator]> = [
  ['及以上', 'gte'], ['以上', 'gte'],
  ['及以下', 'lte'], ['以下', 'lte'], ['以内', 'lte'], ['之内', 'lte'],
];

/** Multipliers written after a number. */
/** Multipliers written after a number, as powers of ten: 1.2万 is 1.2 × 10^4. */
export const MULTIPLIER_POWERS: Readonly<Record<string, number>> = { 千: 3, 万: 4, 百万: 6, 千万: 7, 亿: 8 };

/** Ordered qualitative scales, best first (PRODUCT.md lists the first two). */
export const QUALITATIVE_SCALES: ReadonlyArray<{ name: string; levels: readonly string[] }> = [
  { name: 'satisfaction', levels: ['很满意', '满意', '较满意', '基本满意', '不满意'] },
  { name: 'quality', levels: ['优秀', '良好', '一般', '差'] },
  { name: 'soundness', levels: ['健全', '基本健全', '不健全'] },
  { name: 'completeness', levels: ['完善', '基本完善', '不完善'] },
  { name: 'timeliness', levels: ['及时', '基本及时', '不及时'] },
  { name: 'compliance', levels: ['达标', '基本达标', '不达标'] },
  { name: 'significance', levels: ['显著', '较显著', '一般', '不显著'] },
];

/** Deadline words: "每年12月底前", "12月31日前", "年底前". */
export const DEADLINE_PATTERN =
  /^(?:每年|(?<year>\d{4})年)?(?:(?<month>\d{1,2})月(?:(?<day>\d{1,2})日|底|末|份)?|(?<yearEnd>年底|年末|年内|底|末))?(?:前|之前|以前|内|完成)*$/u;

/** Words that mean "done on time" in an actual. */
export const ON_TIME_WORDS: readonly string[] = ['按时', '及时', '按期', '如期', '已完成', '完成'];

/** Answers to 主要问题 that state no problem. */
export const NO_PROBLEM_WORDS: readonly string[] = ['无', '暂无', '没有', '无问题', '未发现问题', '不存在问题', '/', '-', '—', '——'];
