/**
 * Findings as the form shows them: from the browser's own `evaluate()` (instant, while typing) or
 * from the server (the authority), in one shape, placed on the cell their path names.
 */
import type { Finding } from '../../core/checks/finding.ts';
import type { ServerFinding } from '../api/types.ts';

export interface UiFinding {
  code: string;
  severity: 'error' | 'warning';
  path: string;
  text: string;
  /** The sentence with its row and indicator in front, for the list of all findings (core/checks/place.ts). */
  placed?: string;
  /** The sentence under its row, where the indicator is in sight ("自评分未填写"). */
  cell?: string;
}

export function fromCore(findings: readonly Finding[], render: (f: Finding) => string, more?: (f: Finding) => Pick<UiFinding, 'placed' | 'cell'>): UiFinding[] {
  return findings.map((f) => ({ code: f.code, severity: f.severity, path: f.path, text: render(f), ...more?.(f) }));
}

/** The findings of one indicator (`row` its index), or of the rest of the form (`row` null). */
export interface FindingGroup {
  row: number | null;
  findings: UiFinding[];
}

/**
 * The list of all findings, grouped as a reader goes through the form: the header, amounts and
 * narratives first, then each indicator in row order; errors before warnings in each group.
 */
export function groupByIndicator(findings: readonly UiFinding[]): FindingGroup[] {
  const groups = new Map<number | null, UiFinding[]>();
  for (const f of findings) {
    const m = /^indicators\[(\d+)\]/u.exec(f.path);
    const row = m ? Number(m[1]) : null;
    groups.set(row, [...(groups.get(row) ?? []), f]);
  }
  const rank = (f: UiFinding) => (f.severity === 'error' ? 0 : 1);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a - b))
    .map(([row, list]) => ({ row, findings: [...list].sort((x, y) => rank(x) - rank(y)) }));
}

/**
 * Where a finding clicked takes the cursor: the cell its path names, else the nearest cell that
 * stands for it (an indicator's whole row → its name; a block's weight → that row's weight).
 */
export function cellPathsFor(path: string): string[] {
  const paths = [path];
  const row = /^indicators\[(\d+)\]/u.exec(path);
  if (row) paths.push(`indicators[${row[1]}].name`);
  if (path === 'funding[0].initial') paths.push('project.budgetInitial');
  if (path === 'funding[0].adjusted') paths.push('project.budgetCurrentYear');
  if (path === 'funding[0].executed') paths.push('project.executed');
  return paths;
}

export function fromServer(findings: readonly ServerFinding[], lang: 'zh' | 'en'): UiFinding[] {
  return findings.map((f) => ({ code: f.code, severity: f.severity, path: f.path, text: f.messages?.[lang] ?? f.message }));
}

export type FindingIndex = ReadonlyMap<string, UiFinding[]>;

/** Findings keyed by path (`indicators[8].score`), for the cell that path names. */
export function indexByPath(findings: readonly UiFinding[]): FindingIndex {
  const index = new Map<string, UiFinding[]>();
  for (const f of findings) index.set(f.path, [...(index.get(f.path) ?? []), f]);
  return index;
}

/** The worst severity at a cell, for the input's red or orange border. */
export function worst(findings: readonly UiFinding[] | undefined): 'error' | 'warning' | undefined {
  if (!findings?.length) return undefined;
  return findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
}

/**
 * Paths where the form has no cell (a whole indicator row, the indicator list, a funding row)
 * are shown in the list above the form; every finding is in that list anyway, this says which
 * ones also sit on a cell.
 */
export function countBySeverity(findings: readonly UiFinding[]): { error: number; warning: number } {
  return {
    error: findings.filter((f) => f.severity === 'error').length,
    warning: findings.filter((f) => f.severity === 'warning').length,
  };
}
