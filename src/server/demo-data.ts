/**
 * The demo (`jixiao serve --demo`, what `npm start` runs) on an empty database: the seed's units as a
 * department (主管部门) with a budget unit below it — 上海市普陀区金融服务办公室, itself a budget unit,
 * and 上海市普陀区金融服务中心 under it — the seed's three forms, the year 2021 set up (its project
 * list and a deadline), and one user per role: `preparer` and `approver` of the office, `preparer2`
 * and `approver2` of the centre, `department` (the office's department reviewer), `reviewer`, `admin`.
 * The forms stand at different points of the workflow, with the history that got them there; the
 * year's project list names them (project codes as a budget system gives them: year, unit code, number).
 * Both units also have a few projects of 2022 with approved targets and mid-year monitoring (demo-cycle.ts), and the
 * sent forms rectification items in every state and the published one its results application (demo-followup.ts).
 * Never loaded by a plain `jixiao serve`: a production database starts empty.
 */
import { readFile } from 'node:fs/promises';
import { PASSWORD_MIN_LENGTH } from '../core/accounts/password-policy.ts';
import { withIndicatorIds } from '../core/lineage/indicator-ids.ts';
import { format } from '../core/locale/messages.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
import { validateEvaluationFile } from '../core/model/validate.ts';
import { unitPath } from '../core/organisation/unit-plan.ts';
import type { TemplateRegistry } from '../core/templates/registry.ts';
import { TRANSITIONS, type Role, type Status, type TransitionAction } from '../core/workflow/workflow.ts';
import type { Db } from '../storage/open-database.ts';
import { inTransaction, repositories } from '../storage/repositories.ts';
import { hashPassword } from './passwords.ts';
import { columnsOf } from '../storage/evaluation-columns.ts';
import { freezeVersion } from './services/evaluation-service.ts';
import { loadDemoCycle } from './demo-cycle.ts';
import { loadDemoFollowup, type DemoForm } from './demo-followup.ts';

export const DEMO_FILE = new URL('../../demo/seed-2021-putuo.json', import.meta.url);

/** The workflow each seed form has been through, in form order. */
// The office's first form is a draft its preparer can fill in and its approver submit; its second is
// published; the centre's form waits in the reviewer's inbox.
const HISTORIES: ReadonlyArray<readonly TransitionAction[]> = [[], ['submit', 'approve', 'publish'], ['submit']];

/** The seed's units by name: the office is the department, the centre stands below it. Codes as a budget system gives them. */
const DEMO_UNITS = [
  { name: '上海市普陀区金融服务办公室', code: '117', parent: null },
  { name: '上海市普陀区金融服务中心', code: '117001', parent: '117' },
] as const;

interface DemoUser {
  username: string;
  role: Role;
  /** The unit's code. */
  unit: string | null;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'preparer', role: 'preparer', unit: '117' },
  { username: 'preparer2', role: 'preparer', unit: '117001' },
  { username: 'approver', role: 'approver', unit: '117' },
  // Every unit needs its approver (单位审核) for its forms to reach the finance bureau.
  { username: 'approver2', role: 'approver', unit: '117001' },
  { username: 'department', role: 'department', unit: '117' },
  { username: 'reviewer', role: 'reviewer', unit: null },
  { username: 'admin', role: 'admin', unit: null },
];

/** The demo year's deadline (填报截止日期): the forms of 2021 were due in the spring of 2022. */
const DEMO_DEADLINE = '2022-03-31';

async function demoEvaluations(): Promise<Evaluation[]> {
  const validated = validateEvaluationFile(JSON.parse(await readFile(DEMO_FILE, 'utf8')));
  if (!validated.ok) throw new Error(`demo data: ${validated.problems[0]?.path}: ${validated.problems[0]?.message}`);
  return validated.value.evaluations;
}

/** The demo's users share one password, which must pass the rules as any other. */
export class DemoPasswordError extends Error {}

export interface DemoOptions {
  password: string;
  templates: TemplateRegistry;
  now?: () => Date;
  /**
   * A hash of `password` made already, given to every demo user instead of one hash (one salt) each:
   * the tests load the demo into a database per test file and dialect, and seven scrypt runs each
   * time cost more than the tests around them. `jixiao serve --demo` hashes per user.
   */
  passwordHash?: string;
}

/** Loads the demo when the database has no unit yet; true when it did. */
export async function loadDemo(db: Db, options: DemoOptions): Promise<boolean> {
  if ([...options.password].length < PASSWORD_MIN_LENGTH) {
    throw new DemoPasswordError(`the demo password must have at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if ((await repositories(db).units.count()) > 0) return false;
  const evaluations = await demoEvaluations();
  const now = (options.now ?? (() => new Date()))();
  const at = now.toISOString();
  const unitIds = new Map<string, string>(DEMO_UNITS.map((u) => [u.code, crypto.randomUUID()]));
  const unitOfName = new Map<string, string>(DEMO_UNITS.map((u) => [u.name, u.code]));
  const hashes = await Promise.all(DEMO_USERS.map(() => options.passwordHash ?? hashPassword(options.password)));

  await inTransaction(db, async (repos) => {
    for (const unit of DEMO_UNITS) {
      const id = unitIds.get(unit.code)!;
      const parentId = unit.parent === null ? null : unitIds.get(unit.parent)!;
      await repos.units.create({ id, code: unit.code, name: unit.name, parentId, path: unitPath(parentId === null ? null : unitPath(null, parentId), id) }, at);
    }
    const userIds = new Map<string, string>();
    for (const [i, user] of DEMO_USERS.entries()) {
      const id = crypto.randomUUID();
      userIds.set(user.username, id);
      const sameRole = DEMO_USERS.filter((u) => u.role === user.role);
      const numbered = sameRole.length > 1 ? ` ${sameRole.indexOf(user) + 1}` : '';
      await repos.users.create({
        id, username: user.username, displayName: `${format(`role.${user.role}`, {}, 'zh')}${numbered}`, role: user.role,
        unitId: user.unit === null ? null : unitIds.get(user.unit)!, passwordHash: hashes[i]!,
      }, at);
    }
    await repos.years.set({ year: evaluations[0]!.year, departmentReview: false, deadline: DEMO_DEADLINE }, at, userIds.get('admin')!);

    // Who does what in the history: the unit's preparer and approver, and the finance reviewer.
    const actorOf = (action: TransitionAction | 'create', code: string) => {
      const role = action === 'create' ? 'preparer' : TRANSITIONS[action].grants[0]!.role;
      return userIds.get(DEMO_USERS.find((u) => u.role === role && (u.unit === null || u.unit === code))!.username)!;
    };

    const forms: DemoForm[] = [];
    for (const [i, evaluation] of evaluations.entries()) {
      const code = unitOfName.get(evaluation.project.budgetUnit ?? '')!;
      const unitId = unitIds.get(code)!;
      const template = options.templates.get(evaluation.template);
      if (!template) throw new Error(`demo data: unknown template "${evaluation.template}"`);
      const id = crypto.randomUUID();
      // The demo's forms carry indicator ids, as every saved form does (lineage across years).
      const document = withIndicatorIds(evaluation, undefined, () => crypto.randomUUID());
      await repos.evaluations.insert({ id, unitId, status: 'draft', columns: columnsOf(document, template), document, at });
      await repos.audit.append({ evaluationId: id, at, userId: actorOf('create', code), action: 'create', comment: null, changes: [] });
      await repos.projects.insertMany([{
        id: crypto.randomUUID(), year: document.year, unitId, template: template.id, evaluationId: id,
        code: `${document.year}${code}${String(i + 1).padStart(3, '0')}`, name: document.project.name, budget: document.project.budgetCurrentYear ?? '',
        previousBudget: document.project.budgetPreviousYear ?? '', department: document.project.department ?? '', recurring: document.project.recurring ?? null,
      }], at);
      let status: Status = 'draft';
      for (const [version, action] of (HISTORIES[i] ?? []).entries()) {
        const to = TRANSITIONS[action].to;
        await repos.evaluations.update(id, version + 1, { status: to, at });
        await freezeVersion(repos, { evaluationId: id, action, status: to, document, userId: actorOf(action, code), at });
        await repos.audit.append({ evaluationId: id, at, userId: actorOf(action, code), action, comment: null, changes: [{ path: 'status', from: status, to }] });
        status = to;
      }
      forms.push({ id, unitId, year: document.year, status, document });
    }
    const cycleUnits = DEMO_UNITS.map((u) => ({ id: unitIds.get(u.code)!, code: u.code, name: u.name, department: DEMO_UNITS[0].name }));
    await loadDemoCycle(repos, {
      units: cycleUnits,
      userOf: (role, code) => userIds.get(DEMO_USERS.find((u) => u.role === role && (u.unit === null || u.unit === code))!.username)!,
      templates: options.templates,
      at,
    });
    await loadDemoFollowup(repos, { forms, userOf: (username) => userIds.get(username)!, now });
  });
  return true;
}
