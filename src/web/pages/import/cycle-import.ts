/**
 * The targets declarations (绩效目标申报表) or monitoring forms (绩效运行监控表) of an import preview
 * (its `cycle` part), and what POST /api/import/cycle made of them: which documents a save sends, and
 * each document's outcome in words the page shows. Pure, so that the rules are tested without a browser.
 */
import type { Answer, ImportPreview } from '../../api/types.ts';

export type CyclePreview = NonNullable<ImportPreview['cycle']>;
export type CycleKind = CyclePreview['kind'];
export type CycleDocument = CyclePreview['documents'][number];
export type CycleSaveAnswer = Answer<'/api/import/cycle', 'post'>;
export type CycleSaveResult = CycleSaveAnswer['results'][number];

/** What became of one document of the file. */
export type CycleOutcome =
  /** Not saved yet: `existing` when the unit has the project's document already (saving it would be 409). */
  | { state: 'pending'; existing: string | null }
  | { state: 'created'; id: string; href: string }
  /** 409 ALREADY_EXISTS: the unit's own document is left as it was. */
  | { state: 'exists'; id: string | null; href: string | null; message: string }
  /** 400 (VALIDATION with the fields' paths, UNKNOWN_TEMPLATE) or any other refusal. */
  | { state: 'refused'; status: number; code: string; message: string; issues: { path: string; message: string }[] };

/** Where a saved document of the kind opens. */
export const cycleHref = (kind: CycleKind, id: string): string => `/${kind === 'targets' ? 'targets' : 'monitoring'}/${encodeURIComponent(id)}`;

/** One line of the preview: the project, its unit, how many indicators, its findings counted. */
export interface CycleRow {
  index: number;
  start: string;
  project: string;
  code: string | null;
  unit: string | null;
  indicators: number;
  errors: number;
  warnings: number;
}

export function cycleRows(cycle: CyclePreview): CycleRow[] {
  return cycle.documents.map(({ document, findings, start }, index) => ({
    index,
    start,
    project: document.project.name,
    code: document.project.code ?? null,
    unit: document.project.budgetUnit || document.project.department || null,
    indicators: document.indicators.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  }));
}

/** The outcomes before any save: a document the unit has already is marked as such. */
export function initialOutcomes(cycle: CyclePreview): CycleOutcome[] {
  return cycle.documents.map((d) => ({ state: 'pending', existing: d.existing?.id ?? null }));
}

/**
 * The indexes (into the file's documents) a save sends: every document not saved yet and not known
 * to exist. A document refused before is sent again (the user may have fixed the unit's side, e.g.
 * deleted the existing draft); one the unit has already is not, since its answer is known.
 */
export function toSend(outcomes: readonly CycleOutcome[]): number[] {
  return outcomes.flatMap((o, i) => ((o.state === 'pending' && o.existing === null) || o.state === 'refused' ? [i] : []));
}

/**
 * The outcomes after a save of `sent` (the file's indexes, in the order sent): each result's `index`
 * is its place in the request, mapped back to the file's document. Documents not sent keep theirs;
 * one the server did not answer for is refused in words, never left silently pending.
 */
export function applyResults(kind: CycleKind, before: readonly CycleOutcome[], sent: readonly number[], answer: CycleSaveAnswer, unanswered: string): CycleOutcome[] {
  const after = [...before];
  const byRequestIndex = new Map(answer.results.map((r) => [r.index, r]));
  sent.forEach((fileIndex, requestIndex) => {
    const r = byRequestIndex.get(requestIndex);
    after[fileIndex] = r ? outcomeOf(kind, r) : { state: 'refused', status: 0, code: 'NO_RESULT', message: unanswered, issues: [] };
  });
  return after;
}

export function outcomeOf(kind: CycleKind, r: CycleSaveResult): CycleOutcome {
  if (r.status === 201 && r.id) return { state: 'created', id: r.id, href: cycleHref(kind, r.id) };
  const message = r.error?.message ?? String(r.status);
  if (r.status === 409 && r.error?.code === 'ALREADY_EXISTS') {
    const id = r.existing?.id ?? null;
    return { state: 'exists', id, href: id ? cycleHref(kind, id) : null, message };
  }
  return { state: 'refused', status: r.status, code: r.error?.code ?? '', message, issues: r.error?.issues ?? [] };
}

/**
 * A refusal's field paths as the file names them: the server's `documents[i].…` are of the request,
 * whose i is not the file's place of the document when some were not sent; the path is shown from
 * the document on (`indicators[2].target`).
 */
export function documentPath(path: string): string {
  return path.replace(/^documents\[\d+\]\.?/u, '') || path;
}

/** The preview read nothing to save: no evaluation form and no cycle document. */
export function readNothing(preview: Pick<ImportPreview, 'forms' | 'cycle'>): boolean {
  return preview.forms.length === 0 && (preview.cycle?.documents.length ?? 0) === 0;
}
