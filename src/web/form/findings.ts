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
}

export function fromCore(findings: readonly Finding[], render: (f: Finding) => string): UiFinding[] {
  return findings.map((f) => ({ code: f.code, severity: f.severity, path: f.path, text: render(f) }));
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
