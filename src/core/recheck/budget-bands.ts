/**
 * The budget-size bands of the re-check draw (抽查复核), as data: a band starts at its lower bound
 * (inclusive, in whole fen of the year's budget 当年预算数) and runs to the next band's. Another
 * bureau's bands are another list; the names come from the locale (`recheck.band.<key>`).
 */
export interface BudgetBand {
  key: string;
  /** Lower bound in fen (分), inclusive. The first band starts at 0. */
  fromFen: number;
}

/** < 10万元 · 10万–100万元 · ≥ 100万元 (10万元 = 100,000 元 = 10,000,000 分). */
export const BUDGET_BANDS: readonly BudgetBand[] = [
  { key: 'under100k', fromFen: 0 },
  { key: '100kTo1m', fromFen: 10_000_000 },
  { key: '1mAndAbove', fromFen: 100_000_000 },
];

/** Bands must start at 0, ascend strictly and have distinct keys. */
export function bandProblems(bands: readonly BudgetBand[]): string[] {
  const problems: string[] = [];
  if (bands.length === 0) problems.push('at least one band is needed');
  else if (bands[0]!.fromFen !== 0) problems.push('the first band must start at 0');
  bands.forEach((band, i) => {
    if (!Number.isSafeInteger(band.fromFen) || band.fromFen < 0) problems.push(`band ${band.key}: fromFen must be a whole number of fen ≥ 0`);
    if (i > 0 && band.fromFen <= bands[i - 1]!.fromFen) problems.push(`band ${band.key}: bounds must ascend`);
  });
  if (new Set(bands.map((b) => b.key)).size !== bands.length) problems.push('band keys must be distinct');
  return problems;
}

/** The band of a budget; a missing (or negative) budget falls in the first band. */
export function bandOf(budgetFen: number | null, bands: readonly BudgetBand[]): BudgetBand {
  let found = bands[0]!;
  for (const band of bands) if (budgetFen !== null && budgetFen >= band.fromFen) found = band;
  return found;
}
