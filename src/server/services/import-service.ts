/**
 * The import preview: an uploaded file's forms with what the checks say, and what could not be
 * read. The file, spooled to disk by the route, is read in the reader pool (threads with a heap limit
 * and a deadline: a hostile upload costs a thread, not the server), the users served in turn (a
 * queue each); the file's bytes never enter this thread's heap. Nothing is saved.
 *
 * A file of the cycle's targets or monitoring forms (or their interchange JSON) comes back as
 * `cycle`, each document with what the checks say, whether it names another unit, and whether the
 * unit has one for the project already (saving it would be 409 ALREADY_EXISTS). Such a file is
 * never shown as "no forms": its documents, or the diagnostics of why none could be read.
 */
import { evaluate } from '../../core/checks/run-checks.ts';
import { computedJson, findingJson } from '../../core/checks/report-json.ts';
import { render, type Lang } from '../../core/locale/messages.ts';
import { IMPORT_LIMITS, type ImportLimits } from '../../import/import-limits.ts';
import type { CycleImport } from '../../import/cycle/recognize-cycle.ts';
import type { FileImport, ImportDiagnostic } from '../../import/import-result.ts';
import { explain } from '../../core/explanation.ts';
import { createReaderPool, type ReaderPool, type ReadTask } from '../../import/reader-pool.ts';
import { sniffKind } from '../../import/sniff.ts';
import { CONVERTER_PACKAGE, findSoffice, type ConvertTarget } from '../../import/convert/soffice.ts';
import { compoundKindOfFile, type CompoundKind } from '../../import/convert/compound-file.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { repositories } from '../../storage/repositories.ts';
import { unitMismatch, type Owner } from '../../core/organisation/unit-match.ts';
import { ApiError } from '../api-error.ts';
import type { ServiceContext } from '../service-context.ts';
import { readFileHead } from './file-head.ts';
import { cycleChecks } from './cycle-service.ts';
import { FairQueue } from './import-queue.ts';

const READABLE = new Set(['pdf', 'xlsx', 'docx', 'html', 'text']);
// issue 15 (convert): read after LibreOffice converts them; 'ole' is told apart from the whole file.
const CONVERTED: Record<string, ConvertTarget> = { xls: 'xlsx', ods: 'xlsx', doc: 'docx', odt: 'docx' };
const OLE_KIND: Record<CompoundKind, string> = { spreadsheet: 'xls', document: 'doc', other: 'binary', unknown: 'binary' };
/** Enough of a file to tell what it is (sniffKind reads no further). */
const HEAD_BYTES = 64 * 1024;

/** A file on disk, as the route spooled it. */
export interface SpooledFile {
  name: string;
  path: string;
}

export class ImportService {
  private pool: ReaderPool | undefined;
  private queue: FairQueue<ReadTask, FileImport> | undefined;

  constructor(private readonly ctx: ServiceContext, private readonly limits: Readonly<ImportLimits> = IMPORT_LIMITS) {}

  /** The pool and its queue, made on the first import (a server that never imports starts no thread). */
  private reader(): FairQueue<ReadTask, FileImport> {
    if (!this.queue) {
      const pool = (this.pool = createReaderPool(this.limits));
      this.queue = new FairQueue((task) => pool.read(task), { slots: pool.threads, perUser: 1, waitingPerUser: 8, waiting: 32 });
    }
    return this.queue;
  }

  async preview(user: User, file: SpooledFile, lang: Lang) {
    // What the file is comes from its bytes, not its name or the browser's content type.
    let kind: string = sniffKind(await readFileHead(file.path, HEAD_BYTES));
    // An OLE2 file's directory may lie anywhere in it: walked on disk, sector by sector, never loaded.
    if (kind === 'ole') kind = OLE_KIND[compoundKindOfFile(file.path)];
    const target = CONVERTED[kind];
    if (!READABLE.has(kind) && !target) throw new ApiError(415, 'UNSUPPORTED_FILE');
    if (target && !findSoffice()) throw new ApiError(422, 'CONVERTER_MISSING', { params: { kind: kind.toUpperCase(), package: CONVERTER_PACKAGE[target] } });
    const extras = this.ctx.templates.extras();
    // The reader threads know only the built-in templates: the server's added ones go with the task.
    const read = await this.reader().submit(user.id, { file: file.name, path: file.path, ...(extras.length > 0 ? { templates: extras } : {}) });
    const owner = await this.owner(user);
    return {
      owner,
      cycle: read.cycle ? await this.cyclePreview(user, read.cycle, owner, lang) : null,
      forms: read.forms.map((form) => {
        const template = this.ctx.templates.get(form.evaluation.template);
        const report = template ? evaluate(form.evaluation, template) : null;
        return {
          evaluation: form.evaluation,
          computed: report ? computedJson(report.computed, lang) : null,
          findings: report ? report.findings.map((f) => findingJson(f, lang)) : [],
          start: form.start,
          // The file names another unit than the one the form would be saved into: the preview says so and asks.
          unitMismatch: unitMismatch(form.evaluation.project.budgetUnit, owner),
        };
      }),
      diagnostics: [...read.diagnostics, ...cycleNotice(read)].map((d) => ({
        severity: d.severity,
        code: d.code,
        location: d.location ?? null,
        path: d.path ?? null,
        message: render(d.message, lang),
      })),
    };
  }

  /** The cycle's documents read, each as the unit would save it. */
  private async cyclePreview(user: User, read: CycleImport, owner: Owner | null, lang: Lang) {
    const repos = repositories(this.ctx.db);
    const unitId = user.unit?.id ?? '';
    const documents = [];
    for (const [i, document] of read.documents.entries()) {
      const template = this.ctx.templates.get(document.template);
      const findings = template ? await cycleChecks(repos, read.kind, document, template, unitId) : [];
      const existing = unitId === '' ? undefined : await repos.cycle.findProject(read.kind, unitId, document.year, document.project.code?.trim() ?? '', document.project.name);
      documents.push({
        document,
        findings: findings.map((f) => findingJson(f, lang)),
        start: read.starts[i] ?? '',
        unitMismatch: unitMismatch(document.project.budgetUnit, owner),
        existing: existing ? { id: existing.id } : null,
      });
    }
    return { kind: read.kind, documents };
  }

  /** Whose a saved form would be: the user's unit and the department above it (by the unit's path in the tree). */
  private async owner(user: User): Promise<Owner | null> {
    if (!user.unit) return null;
    const ids = (user.unitPath ?? '').split('/').filter(Boolean);
    const parentId = ids.length >= 2 ? ids[ids.length - 2]! : null;
    const parent = parentId ? await repositories(this.ctx.db).units.get(parentId) : undefined;
    return { unit: user.unit.name, department: parent?.name ?? null };
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/**
 * A file of the cycle's documents says so in its diagnostics too (info `CYCLE_DOCUMENTS`): a
 * client that shows only `forms` and `diagnostics` still tells the user what the file held.
 */
function cycleNotice(read: FileImport): ImportDiagnostic[] {
  if (!read.cycle || read.cycle.documents.length === 0) return [];
  const key = read.cycle.kind === 'targets' ? 'import.cycleTargets' : 'import.cycleMonitoring';
  return [{ severity: 'info', code: 'CYCLE_DOCUMENTS', file: read.file, message: explain(key, { count: read.cycle.documents.length }) }];
}
