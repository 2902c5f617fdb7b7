/**
 * Which of several forms of a project in the year before is "last year's form": the one furthest in
 * the workflow (the published form is what last year's evaluation finally was), then the latest
 * changed. Projects are recognised by name with the words normalised as indicator words are.
 */
import type { Status } from '../workflow/workflow.ts';
import { normalizeWords } from './lineage-key.ts';

const STATUS_RANK: Record<Status, number> = { published: 0, approved: 1, forwarded: 2, submitted: 3, returned: 4, draft: 5 };

export interface FormCandidate {
  id: string;
  project: string;
  status: Status;
  updatedAt: string;
}

/** The best of the candidates named like `project`, or undefined when none is. */
export function previousForm<T extends FormCandidate>(candidates: readonly T[], project: string, exceptId?: string): T | undefined {
  const name = normalizeWords(project);
  return candidates
    .filter((c) => c.id !== exceptId && normalizeWords(c.project) === name)
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.updatedAt.localeCompare(a.updatedAt))[0];
}
