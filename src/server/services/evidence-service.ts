/**
 * Evidence files (佐证材料) of an evaluation: attached to the form or to one indicator by the unit's
 * preparer and approver while the form is theirs to change or has a rectification item open, read by whoever may see the form, frozen
 * with each version (evaluation-service.ts, freezeVersion), marked public by the finance reviewer
 * and then downloadable by anyone once the form is published. Access is checked first, as in the
 * other services; every upload, removal and public change is in the evaluation's audit log.
 *
 * The contents go to the evidence store before the record is written (a record never names
 * contents that are not there); when the record cannot be written, the contents are removed again.
 */
import { readFile } from 'node:fs/promises';
import { explain } from '../../core/explanation.ts';
import { displayFileName } from '../../core/evidence/file-name.ts';
import { evidencePermission, type EvidenceAction, type EvidenceFacts } from '../../core/evidence/evidence-permission.ts';
import { inBothLanguages } from '../../core/locale/messages.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Actor, Subject } from '../../core/workflow/workflow.ts';
import { evidenceKey, type EvidenceStore } from '../../storage/evidence-store/evidence-store.ts';
import { inTransaction, repositories, type Repositories } from '../../storage/repositories.ts';
import type { EvidenceRecord } from '../../storage/repositories/evidence-repository.ts';
import type { StoredEvaluation } from '../../storage/repositories/evaluation-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError, forbidden, notFound } from '../api-error.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';
import { visibleEvaluation } from './evaluation-service.ts';
import { evidenceTypeOf, sizeAndHash } from './evidence-files.ts';

export interface EvidenceOptions {
  store: EvidenceStore;
  /** The largest file, in bytes. */
  maxBytes: number;
  /** The most files (not removed) one form may have. */
  maxFiles: number;
}

export const DEFAULT_EVIDENCE_LIMITS = { maxBytes: 20 * 1048576, maxFiles: 100 };

/** An upload as the route hands it over: spooled to disk, the name the browser sent. */
export interface EvidenceUpload {
  name: string;
  path: string;
}

/** A file to send: its bytes, type and name. */
export interface EvidenceDownload {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  public: boolean;
}

export class EvidenceService {
  constructor(
    private readonly ctx: ServiceContext,
    readonly options: EvidenceOptions,
  ) {}

  /** The form's files with who and when, the versions each is frozen in, and what the user may do. */
  async list(user: User, id: string) {
    const repos = repositories(this.ctx.db);
    const actor = actorOf(user);
    const stored = await visibleEvaluation(repos, actor, id);
    const [files, frozen, facts] = [await repos.evidence.list(id), await repos.evidence.frozenIn(id), await factsOf(repos, id)];
    return {
      items: files.map((f) => this.item(f, stored.document, frozen.get(f.id) ?? [])),
      canAttach: evidencePermission(actor, 'attach', subjectOf(stored), facts) === 'allowed',
      canMarkPublic: evidencePermission(actor, 'markPublic', subjectOf(stored), facts) === 'allowed',
      limits: { maxBytes: this.options.maxBytes, maxFiles: this.options.maxFiles },
    };
  }

  /** 404/403/409 before an upload's bytes are read, as `upload` would answer. */
  async mayAttach(user: User, id: string): Promise<void> {
    await this.allowed(repositories(this.ctx.db), actorOf(user), id, 'attach');
  }

  async upload(user: User, id: string, upload: EvidenceUpload, indicatorId: string | null) {
    const actor = actorOf(user);
    // Checked before the file is looked at, and again (locked) when its record is written.
    const before = await this.allowed(repositories(this.ctx.db), actor, id, 'attach');
    if (indicatorId !== null && !indicatorOf(before.document, indicatorId)) {
      throw new ApiError(400, 'VALIDATION', { issues: [{ path: 'indicatorId', message: explain('evidence.unknownIndicator') }] });
    }
    const fileName = displayFileName(upload.name);
    const { size, sha256 } = await sizeAndHash(upload.path);
    if (size === 0) throw new ApiError(415, 'UNSUPPORTED_FILE', { issues: [{ path: 'file', message: explain('evidence.empty') }] });
    if (size > this.options.maxBytes) throw new ApiError(413, 'FILE_TOO_LARGE', { params: { maxMb: Math.round(this.options.maxBytes / 1048576) } });
    const mediaType = await evidenceTypeOf(upload.path, fileName);
    if (mediaType === null) throw new ApiError(415, 'UNSUPPORTED_FILE', { issues: [{ path: 'file', message: explain('evidence.unsupported') }] });
    if ((await repositories(this.ctx.db).evidence.count(id)) >= this.options.maxFiles) throw this.tooMany();

    const fileId = crypto.randomUUID();
    const key = evidenceKey(id, fileId);
    await this.options.store.put(key, new Uint8Array(await readFile(upload.path)));
    try {
      await inTransaction(this.ctx.db, async (repos) => {
        await repos.evidence.lockEvaluation(id);
        await this.allowed(repos, actor, id, 'attach');
        if ((await repos.evidence.count(id)) >= this.options.maxFiles) throw this.tooMany();
        const at = this.now();
        await repos.evidence.insert({ id: fileId, evaluationId: id, indicatorId, fileName, mediaType, size, sha256, storageKey: key, userId: user.id, at });
        await repos.audit.append({
          evaluationId: id, at, userId: user.id, action: 'evidence.upload', comment: null,
          changes: [{ path: 'evidence', from: null, to: { id: fileId, fileName, sha256, size, indicatorId } }],
        });
      });
    } catch (error) {
      await this.options.store.delete(key).catch(() => undefined);
      throw error;
    }
    const repos = repositories(this.ctx.db);
    const stored = await visibleEvaluation(repos, actor, id);
    return this.item((await repos.evidence.get(id, fileId))!, stored.document, []);
  }

  /** The file's contents, to whoever may see the form. */
  async download(user: User, id: string, fileId: string): Promise<EvidenceDownload> {
    const repos = repositories(this.ctx.db);
    const stored = await visibleEvaluation(repos, actorOf(user), id);
    const file = await repos.evidence.get(id, fileId);
    if (!file || file.deletedAt !== null) throw notFound();
    return this.contents(file, stored.status === 'published' && file.public);
  }

  /**
   * Soft removal by the unit while it may attach (the form editable, or a rectification item open), of
   * a file no version has frozen and no rectification answer cites (an answer keeps what it cited).
   */
  async remove(user: User, id: string, fileId: string): Promise<void> {
    const actor = actorOf(user);
    await inTransaction(this.ctx.db, async (repos) => {
      await repos.evidence.lockEvaluation(id);
      await this.allowed(repos, actor, id, 'remove');
      const file = await repos.evidence.get(id, fileId);
      if (!file || file.deletedAt !== null) throw notFound();
      const versions = (await repos.evidence.frozenIn(id)).get(fileId) ?? [];
      if (versions.length > 0) throw new ApiError(409, 'EVIDENCE_FROZEN', { params: { versions: versions.join(', ') }, extra: { frozenIn: versions } });
      const citedBy = await repos.followup.citing(id, fileId);
      if (citedBy.length > 0) throw new ApiError(409, 'EVIDENCE_CITED', { params: { count: citedBy.length }, extra: { citedBy } });
      const at = this.now();
      await repos.evidence.remove(fileId, at, user.id);
      await repos.audit.append({
        evaluationId: id, at, userId: user.id, action: 'evidence.remove', comment: null,
        changes: [{ path: 'evidence', from: { id: fileId, fileName: file.fileName, sha256: file.sha256, size: file.size, indicatorId: file.indicatorId }, to: null }],
      });
    });
  }

  /** The reviewer marks a file public (downloadable by anyone once the form is published) or not. */
  async setPublic(user: User, id: string, fileId: string, value: boolean) {
    const actor = actorOf(user);
    const record = await inTransaction(this.ctx.db, async (repos) => {
      const stored = await this.allowed(repos, actor, id, 'markPublic');
      const file = await repos.evidence.get(id, fileId);
      if (!file || file.deletedAt !== null) throw notFound();
      if (file.public !== value) {
        const at = this.now();
        await repos.evidence.setPublic(fileId, value, at, user.id);
        await repos.audit.append({
          evaluationId: id, at, userId: user.id, action: 'evidence.public', comment: null,
          changes: [{ path: `evidence.${fileId}.public`, from: file.public, to: value }],
        });
      }
      return { stored, file: (await repos.evidence.get(id, fileId))!, frozen: (await repos.evidence.frozenIn(id)).get(fileId) ?? [] };
    });
    return this.item(record.file, record.stored.document, record.frozen);
  }

  /** The public files of a published form (its public page); none of any other form. */
  async publicList(id: string) {
    const repos = repositories(this.ctx.db);
    const stored = await visibleEvaluation(repos, actorOf(null), id);
    return (await repos.evidence.list(id, { publicOnly: true })).map((f) => publicItem(f, stored.document));
  }

  /** A public file of a published form, to anyone; 404 for anything else. */
  async publicDownload(id: string, fileId: string): Promise<EvidenceDownload> {
    const repos = repositories(this.ctx.db);
    await visibleEvaluation(repos, actorOf(null), id);
    const file = await repos.evidence.get(id, fileId);
    if (!file || file.deletedAt !== null || !file.public) throw notFound();
    return this.contents(file, true);
  }

  private async contents(file: EvidenceRecord, isPublic: boolean): Promise<EvidenceDownload> {
    const bytes = await this.options.store.get(file.storageKey);
    if (bytes === null) throw new Error(`evidence file ${file.id}: no contents in the ${this.options.store.kind} store under ${file.storageKey}`);
    return { fileName: file.fileName, mediaType: file.mediaType, bytes, public: isPublic };
  }

  /** The evaluation, if the actor may do this with its evidence now: 404 unseen, 403 never, 409 not in this status (and no rectification open). */
  private async allowed(repos: Repositories, actor: Actor, id: string, action: EvidenceAction): Promise<StoredEvaluation> {
    const stored = await visibleEvaluation(repos, actor, id);
    const permission = evidencePermission(actor, action, subjectOf(stored), await factsOf(repos, id));
    if (permission === 'forbidden') throw forbidden();
    if (permission === 'wrongStatus') throw new ApiError(409, 'EVIDENCE_LOCKED', { params: { status: inBothLanguages(`status.${stored.status}`) } });
    return stored;
  }

  private tooMany(): ApiError {
    return new ApiError(422, 'TOO_MANY_FILES', { params: { max: this.options.maxFiles } });
  }

  private item(file: EvidenceRecord, document: Evaluation, frozenIn: number[]) {
    return { ...publicItem(file, document), uploadedBy: file.uploadedBy, uploadedAt: file.uploadedAt, public: file.public, frozenIn };
  }

  private now(): string {
    return this.ctx.now().toISOString();
  }
}

function publicItem(file: EvidenceRecord, document: Evaluation) {
  return { id: file.id, fileName: file.fileName, mediaType: file.mediaType, size: file.size, sha256: file.sha256, indicator: indicatorRef(document, file.indicatorId) };
}

function indicatorOf(document: Evaluation, indicatorId: string): { index: number; name: string } | null {
  const index = document.indicators.findIndex((i) => i.id === indicatorId);
  return index < 0 ? null : { index, name: document.indicators[index]!.name };
}

function indicatorRef(document: Evaluation, indicatorId: string | null) {
  if (indicatorId === null) return null;
  const found = indicatorOf(document, indicatorId);
  return { id: indicatorId, index: found?.index ?? null, name: found?.name ?? null };
}

/** One indexed look-up: whether the form has a rectification item open. */
const factsOf = async (repos: Repositories, id: string): Promise<EvidenceFacts> => ({ openRectification: await repos.followup.hasOpenRectification(id) });

const subjectOf = (stored: StoredEvaluation): Subject => ({
  unitId: stored.unit.id, unitPath: stored.unitPath, status: stored.status, deleted: stored.deletedAt !== null, departmentReview: stored.departmentReview,
});
