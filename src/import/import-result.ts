/**
 * What an importer gives back: the forms it read, where on the page or sheet each field came
 * from, and everything it could not read or had to infer. Imports never guess silently.
 */
import type { Explanation } from '../core/explanation.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
import type { CycleImport } from './cycle/recognize-cycle.ts';

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface ImportDiagnostic {
  severity: DiagnosticSeverity;
  /** Stable code, e.g. `CATEGORY_INFERRED`, `UNREADABLE_ROW`, `NOT_A_FORM`, or a check code. */
  code: string;
  file: string;
  /** Where in the file, in words people find it by: "page 2, row 14", "sheet 表1, cell B7", "line 120". */
  location?: string;
  /** The field of the evaluation it concerns: `evaluations[0].indicators[3].score`. */
  path?: string;
  message: Explanation;
}

export interface ImportedForm {
  evaluation: Evaluation;
  /** Field path within the evaluation (`totals.score`, `indicators[3].weight`) → location in the file. */
  locations: Record<string, string>;
  /** Where the form starts: "page 1", "sheet 表1", "line 1". */
  start: string;
}

export interface FileImport {
  file: string;
  forms: ImportedForm[];
  diagnostics: ImportDiagnostic[];
  /** A PDF or XLSX of targets declarations or monitoring forms (recognised by their titles) instead of self-evaluations. */
  cycle?: CycleImport;
}

/** A reader for one kind of file. Pure over its input bytes; never throws for bad content. */
export interface ReaderInput {
  file: string;
  bytes: Uint8Array;
  /** Force this template instead of detecting it from the document. */
  templateId?: string;
}

export type FormReader = (input: ReaderInput) => Promise<FileImport>;
