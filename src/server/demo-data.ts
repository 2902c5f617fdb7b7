/**
 * The demo on an empty database: the seed's units and three forms, and one user per role
 * (`preparer` and `approver` of the first form's unit, `preparer2` and `approver2` of the other
 * unit, `reviewer`, `admin`). The forms stand at different points of the workflow, with the history that got them there.
 */
import { readFile } from 'node:fs/promises';
import { withIndicatorIds } from '../core/lineage/indicator-ids.ts';
import { format } from '../core/locale/messages.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
import { validateEvaluationFile } from '../core/model/validate.ts';
import type { TemplateRegistry } from '../core/templates/registry.ts';
import { TRANSITIONS, type Role, type Status, type TransitionAction } from '../core/workflow/workflow.ts';
import type { Db } from '../storage/open-database.ts';
import { inTransaction, repositories } from '../storage/repositories.ts';
import { hashPassword } from './passwords.ts';
import { columnsOf, freezeVersion } from './services/evaluation-service.ts';

export const DEMO_FILE = new URL('../../demo/seed-2021-putuo.json', import.meta.url);

/** The workflow each seed form has been through, in form order. */
// The office's first form is a draft its preparer can fill in and its approver submit; its second is
// published; the centre's form waits in the reviewer's inbox.
const HISTORIES: ReadonlyArray<readonly TransitionAction[]> = [[], ['submit', 'approve', 'publish'], ['submit']];

interface DemoUser {
  username: string;
  role: Role;
  /** Index of the unit in the order the seed's forms name them. */
  unit: number | null;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'preparer', role: 'preparer', unit: 0 },
  { username: 'preparer2', role: 'preparer', unit: 1 },
  { username: 'approver', role: 'approver', unit: 0 },
  // Every unit needs its approver (单位审核) for its forms to reach the finance bureau.
  { username: 'approver2', role: 'approver', unit: 1 },
  { username: 'reviewer', role: 'reviewer', unit: null },
  { username: 'admin', role: 'admin', unit: null },
];

async function demoEvaluations(): Promise<Evaluation[]> {
  const validated = validateEvaluationFile(JSON.parse(await readFile(DEMO_FILE, 'utf8')));
  if (!validated.ok) throw new Error(`demo data: ${validated.problems[0]?.path}: ${validated.problems[0]?.message}`);
  return validated.value.evaluations;
}

/** Loads the demo when the database has no unit yet; true when it did. */
export async function loadDemo(db: Db, options: { password: string; templates: TemplateRegistry; now?: () => Date }): Promise<boolean> {
  if ((await repositories(db).units.count()) > 0) return false;
  const evaluations = await demoEvaluations();
  const at = (options.now ?? (() => new Date()))().toISOString();
  const unitNames = [...new Set(evaluations.map((e) => e.project.budgetUnit ?? ''))];
  const unitIds = unitNames.map(() => crypto.randomUUID());
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(options.password)));

  await inTransaction(db, async (repos) => {
    for (const [i, name] of unitNames.entries()) await repos.units.create({ id: unitIds[i]!, name }, at);
    const userIds = new Map<string, string>();
    for (const [i, user] of DEMO_USERS.entries()) {
      const id = crypto.randomUUID();
      userIds.set(user.username, id);
      const numbered = DEMO_USERS.filter((u) => u.role === user.role).length > 1 ? ` ${DEMO_USERS.filter((u) => u.role === user.role).indexOf(user) + 1}` : '';
      await repos.users.create({
        id, username: user.username, displayName: `${format(`role.${user.role}`, {}, 'zh')}${numbered}`, role: user.role,
        unitId: user.unit === null ? null : unitIds[user.unit]!, passwordHash: hashes[i]!,
      }, at);
    }
    // Who does what in the history: the unit's preparer and approver, and the finance reviewer.
    const actorOf = (action: TransitionAction | 'create', unit: number) =>
      userIds.get(action === 'create' ? (unit === 0 ? 'preparer' : 'preparer2') : TRANSITIONS[action].by === 'approver' ? (unit === 0 ? 'approver' : 'approver2') : 'reviewer')!;

    for (const [i, evaluation] of evaluations.entries()) {
      const unit = unitNames.indexOf(evaluation.project.budgetUnit ?? '');
      const template = options.templates.get(evaluation.template);
      if (!template) throw new Error(`demo data: unknown template "${evaluation.template}"`);
      const history = HISTORIES[i] ?? [];
      const id = crypto.randomUUID();
      // The demo's forms carry indicator ids, as every saved form does (lineage across years).
      const document = withIndicatorIds(evaluation, undefined, () => crypto.randomUUID());
      await repos.evaluations.insert({ id, unitId: unitIds[unit]!, status: 'draft', columns: columnsOf(evaluation, template), document, at });
      await repos.audit.append({ evaluationId: id, at, userId: actorOf('create', unit), action: 'create', comment: null, changes: [] });
      let status: Status = 'draft';
      for (const [version, action] of history.entries()) {
        const to = TRANSITIONS[action].to;
        await repos.evaluations.update(id, version + 1, { status: to, at });
        await freezeVersion(repos, { evaluationId: id, action, status: to, document, userId: actorOf(action, unit), at });
        await repos.audit.append({ evaluationId: id, at, userId: actorOf(action, unit), action, comment: null, changes: [{ path: 'status', from: status, to }] });
        status = to;
      }
    }
  });
  return true;
}
