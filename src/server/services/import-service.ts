/**
 * The import preview: an uploaded file's forms with what the checks say, and what could not be
 * read. The file is read by the import code in its bounded worker (deadline, heap limit), so a
 * hostile upload costs a worker, not the server. Nothing is saved.
 */
import { evaluate } from '../../core/checks/run-checks.ts';
import { computedJson, findingJson } from '../../core/checks/report-json.ts';
import { render, type Lang } from '../../core/locale/messages.ts';
import { IMPORT_LIMITS, type ImportLimits } from '../../import/import-limits.ts';
import { runReaderInWorker } from '../../import/run-reader-in-worker.ts';
import { sniffKind } from '../../import/sniff.ts';
import { ApiError } from '../api-error.ts';
import type { ServiceContext } from '../service-context.ts';

const READABLE = new Set(['pdf', 'xlsx', 'text']);

export class ImportService {
  constructor(private readonly ctx: ServiceContext, private readonly limits: Readonly<ImportLimits> = IMPORT_LIMITS) {}

  async preview(file: { name: string; bytes: Uint8Array }, lang: Lang) {
    // What the file is comes from its bytes, not its name or the browser's content type.
    if (!READABLE.has(sniffKind(file.bytes))) throw new ApiError(415, 'UNSUPPORTED_FILE');
    const read = await runReaderInWorker({ file: file.name, bytes: file.bytes }, this.limits);
    return {
      forms: read.forms.map((form) => {
        const template = this.ctx.templates.get(form.evaluation.template);
        const report = template ? evaluate(form.evaluation, template) : null;
        return {
          evaluation: form.evaluation,
          computed: report ? computedJson(report.computed, lang) : null,
          findings: report ? report.findings.map((f) => findingJson(f, lang)) : [],
          start: form.start,
        };
      }),
      diagnostics: read.diagnostics.map((d) => ({
        severity: d.severity,
        code: d.code,
        location: d.location ?? null,
        path: d.path ?? null,
        message: render(d.message, lang),
      })),
    };
  }
}
