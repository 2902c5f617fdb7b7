/**
 * A finding said where it is, for people: "第3行“金洽会展位面积”：自评分未填写" rather than a path
 * (`indicators[2].score`) or a sentence that repeats on every row ("“自评分”未填写" 24 times). A
 * finding on an indicator's cell names the row (1-based, in the form's order) and the indicator,
 * then says what is wrong with the cell in the shorter `.cell` wording where the catalogue has one
 * (the indicator's name is already said). Other findings keep their own sentence.
 */
import { explain, type Explanation } from '../explanation.ts';
import { hasMessage, render } from '../locale/messages.ts';
import type { Finding } from './finding.ts';

const BLOCK_WIDE = new Set(['CATEGORY_WEIGHT']);

const INDICATOR_PATH = /^indicators\[(\d+)\](?:\.|$)/u;

/** The indicator a path is on (`indicators[2].score` → 2), or null. */
export function indicatorIndexOf(path: string): number | null {
  const m = INDICATOR_PATH.exec(path);
  return m ? Number(m[1]) : null;
}

/** The finding's sentence where its row is already in sight (under the row): the `.cell` wording where there is one. */
export function cellMessage(finding: Finding): Explanation {
  const cellKey = `${finding.message.key}.cell`;
  return indicatorIndexOf(finding.path) !== null && hasMessage(cellKey) ? explain(cellKey, finding.message.params) : finding.message;
}

/** A document with an indicator table: an evaluation, targets, a monitoring document. */
export interface WithIndicators {
  indicators: ReadonlyArray<{ name?: string }>;
}

/** The finding's sentence with its row and indicator in front, when it is on an indicator. */
export function placedMessage(finding: Finding, document: WithIndicators): Explanation {
  const index = indicatorIndexOf(finding.path);
  const indicator = index === null ? undefined : document.indicators[index];
  // A block's weights are said on its first row's weight, but are the block's: not that row's.
  if (index === null || indicator === undefined || BLOCK_WIDE.has(finding.message.key)) return finding.message;
  const text = cellMessage(finding);
  const name = indicator.name?.trim();
  return explain('place.indicator', {
    row: index + 1,
    name: name ? name : { zh: render(explain('place.unnamed'), 'zh'), en: render(explain('place.unnamed'), 'en') },
    text: { zh: render(text, 'zh'), en: render(text, 'en') },
  });
}
