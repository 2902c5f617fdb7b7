/**
 * The re-check draw (抽查复核): a seeded, reproducible, stratified sample of a year's approved and
 * published evaluations. Pure.
 *
 * The algorithm (anyone can redo it with a SHA-256 tool):
 * 1. Strata: each evaluation falls in the stratum (unit, budget band) of its unit and of the band
 *    of its budget (`budget-bands.ts`). Only strata with evaluations exist.
 * 2. Quota: a stratum of n evaluations draws k = max(1, ⌈n × share ÷ 100⌉) (share in percent, at
 *    most 2 decimals, computed in whole numbers: exact). So every non-empty stratum has at least
 *    one drawn, every stratum reaches the share, and so does the whole draw (Σ⌈xᵢ⌉ ≥ ⌈Σxᵢ⌉).
 * 3. Order: within a stratum the evaluations are ranked by the hex SHA-256 of
 *    `<seed>` + LF + `<evaluation id>` (UTF-8), ascending (ties, which do not happen, by id); the
 *    first k are drawn. The rank of an evaluation depends only on the seed and its own id, so the
 *    order in which the population is read does not matter.
 * 4. Result: strata ordered by unit id, then band (in the bands' order); the drawn ids in stratum
 *    order, each stratum's in rank order.
 * Same seed, same population, same parameters → same sample.
 */
import { createHash } from 'node:crypto';
import { bandOf, bandProblems, type BudgetBand } from './budget-bands.ts';
import { hundredthsOfNumber } from '../numbers/hundredths.ts';

export interface Candidate {
  id: string;
  unitId: string;
  budgetFen: number | null;
}

export interface DrawParameters {
  seed: string;
  /** The minimum share to draw, in percent: 0 < share ≤ 100, at most 2 decimals. */
  minimumShare: number;
  bands: readonly BudgetBand[];
}

export interface Stratum {
  unitId: string;
  band: string;
  population: number;
  drawn: string[];
}

export interface Draw {
  population: number;
  strata: Stratum[];
  evaluationIds: string[];
}

export const DEFAULT_MINIMUM_SHARE = 10;

/** The share in hundredths of a percent (1–10,000), or an error. */
export function shareHundredths(share: number): number {
  const hundredths = hundredthsOfNumber(share);
  if (hundredths === null || hundredths <= 0 || hundredths > 10_000) {
    throw new RangeError(`the minimum share must be a percentage above 0 and at most 100 with at most 2 decimals, not ${share}`);
  }
  return hundredths;
}

/** k = max(1, ⌈n × share ÷ 100⌉) for a stratum of n ≥ 1. */
export function stratumQuota(size: number, share: number): number {
  const s = shareHundredths(share);
  // ⌈n·s ÷ 10,000⌉ in whole numbers: n·s stays far below 2^53.
  return Math.max(1, Math.floor((size * s + 9_999) / 10_000));
}

export function drawRank(seed: string, id: string): string {
  return createHash('sha256').update(`${seed}\n${id}`, 'utf8').digest('hex');
}

export function drawSample(population: readonly Candidate[], parameters: DrawParameters): Draw {
  const problems = bandProblems(parameters.bands);
  if (problems.length > 0) throw new RangeError(`budget bands: ${problems.join('; ')}`);
  shareHundredths(parameters.minimumShare);
  const seen = new Set<string>();
  const groups = new Map<string, { unitId: string; bandIndex: number; band: string; members: Array<{ id: string; rank: string }> }>();
  for (const candidate of population) {
    if (seen.has(candidate.id)) throw new RangeError(`evaluation ${candidate.id} is twice in the population`);
    seen.add(candidate.id);
    const band = bandOf(candidate.budgetFen, parameters.bands);
    const key = `${candidate.unitId}\u0000${band.key}`;
    let group = groups.get(key);
    if (!group) {
      group = { unitId: candidate.unitId, bandIndex: parameters.bands.indexOf(band), band: band.key, members: [] };
      groups.set(key, group);
    }
    group.members.push({ id: candidate.id, rank: drawRank(parameters.seed, candidate.id) });
  }
  const strata = [...groups.values()]
    .sort((a, b) => compareText(a.unitId, b.unitId) || a.bandIndex - b.bandIndex)
    .map((group) => {
      const ranked = group.members.sort((a, b) => compareText(a.rank, b.rank) || compareText(a.id, b.id));
      const k = stratumQuota(ranked.length, parameters.minimumShare);
      return { unitId: group.unitId, band: group.band, population: ranked.length, drawn: ranked.slice(0, k).map((m) => m.id) };
    });
  return { population: population.length, strata, evaluationIds: strata.flatMap((s) => s.drawn) };
}

/** Code-unit order, the same in every locale (never localeCompare). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
