/**
 * The frozen versions of an evaluation (stored at each submit and approve): the list, one version
 * with its hash checked again, and the field-level differences between two versions or a version
 * and the current form. Whoever may see the evaluation may read its versions; others get 404.
 */
import { contentHash } from '../../core/model/content-hash.ts';
import { manifestHash } from '../../core/evidence/manifest.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { fieldChanges } from '../../core/workflow/field-changes.ts';
import { nameIndicators } from '../../core/workflow/named-changes.ts';
import { repositories, type Repositories } from '../../storage/repositories.ts';
import type { StoredVersion } from '../../storage/repositories/version-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError } from '../api-error.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';
import { visibleEvaluation } from './evaluation-service.ts';

/** A side of a comparison: a version's number, or the form as it is now. */
export type VersionRef = number | 'current';

export class VersionService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Oldest first. `intact` compares the stored hash with one computed now from the stored document;
   * `sameAs` names the latest earlier version with the same content (an approve freezes what was
   * submitted, so it is usually the submit before it): every action keeps its own full copy.
   */
  async list(user: User, id: string) {
    const repos = repositories(this.ctx.db);
    await visibleEvaluation(repos, actorOf(user), id);
    const versions = await repos.versions.list(id);
    return versions.map((v, i) => {
      const earlier = versions.slice(0, i).reverse().find((e) => e.contentHash === v.contentHash);
      return { ...summary(v), intact: contentHash(v.document) === v.contentHash, sameAs: earlier?.number ?? null };
    });
  }

  async get(user: User, id: string, number: number) {
    const repos = repositories(this.ctx.db);
    await visibleEvaluation(repos, actorOf(user), id);
    const version = await this.version(repos, id, number);
    const recomputedHash = contentHash(version.document);
    return { ...summary(version), recomputedHash, intact: recomputedHash === version.contentHash, evaluation: version.document };
  }

  /** What changed from `from` to `to`, field by field, indicators named. */
  async diff(user: User, id: string, from: VersionRef, to: VersionRef) {
    const repos = repositories(this.ctx.db);
    const current = await visibleEvaluation(repos, actorOf(user), id);
    const side = async (ref: VersionRef) => {
      if (ref === 'current') {
        return { ref: { number: 'current' as const, status: current.status, contentHash: contentHash(current.document), frozenAt: null }, document: current.document };
      }
      const v = await this.version(repos, id, ref);
      return { ref: { number: v.number, status: v.status, contentHash: v.contentHash, frozenAt: v.frozenAt }, document: v.document };
    };
    const [a, b] = [await side(from), await side(to)];
    return { from: a.ref, to: b.ref, changes: nameIndicators(fieldChanges(a.document, b.document), a.document, b.document) };
  }

  private async version(repos: Repositories, id: string, number: number): Promise<StoredVersion & { document: Evaluation }> {
    const version = await repos.versions.get(id, number);
    if (!version) throw new ApiError(404, 'VERSION_NOT_FOUND', { params: { number } });
    return version;
  }
}

const summary = (v: StoredVersion) => ({
  number: v.number, action: v.action, status: v.status, contentHash: v.contentHash, frozenBy: v.frozenBy, frozenAt: v.frozenAt,
  // issue 14: the evidence files frozen with the version, their hash, and whether the list still hashes to it.
  evidence: v.evidence, evidenceHash: v.evidenceHash, evidenceIntact: v.evidence === null ? null : manifestHash(v.evidence) === v.evidenceHash,
});
