/**
 * An in-memory stand-in for the API of docs/api.md, for looking at the pages (screenshots) before
 * the real server runs. Not the contract's implementation: just enough answers, computed by the
 * same core, over the seed's three forms and the real national form. Never shipped in the bundle.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { evaluate } from '../../core/checks/run-checks.ts';
import { render } from '../../core/locale/messages.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { templateRegistry } from '../../core/templates/registry.ts';
import type { Action, AuditEntry, Status, Summary, User } from '../api/types.ts';

const templates = templateRegistry();
const read = (rel: string) => (JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { evaluations: Evaluation[] }).evaluations;
const forms = [...read('../../../demo/seed-2021-putuo.json'), ...read('../../../test/fixtures/real-2022-putuo-sports.json')];

interface Row {
  id: string;
  unit: { id: string; name: string };
  status: Status;
  version: number;
  evaluation: Evaluation;
  updatedAt: string;
  returnReason: string | null;
  audit: AuditEntry[];
}

const UNITS = [...new Set(forms.map((f) => f.project.budgetUnit ?? ''))].map((name, i) => ({ id: String(i + 1), name }));
const STATUSES: Status[] = ['returned', 'submitted', 'published', 'draft'];
const rows: Row[] = forms.map((evaluation, i) => ({
  id: String(i + 1),
  unit: UNITS.find((u) => u.name === evaluation.project.budgetUnit)!,
  status: STATUSES[i % STATUSES.length]!,
  version: 3,
  evaluation,
  updatedAt: `2022-03-0${i + 2}T0${i + 1}:30:00Z`,
  returnReason: i === 0 ? '预算执行率仅 62.16%，而指标得分 95 分，请说明扣分与执行率的关系，并补充五项扣分指标的偏差原因。' : null,
  audit: [
    { id: 1, at: '2022-03-02T01:00:00Z', user: { username: 'zhangsan', displayName: '张三' }, action: 'create', comment: null, changes: [] },
    { id: 2, at: '2022-03-02T02:10:00Z', user: { username: 'zhangsan', displayName: '张三' }, action: 'edit', comment: null, changes: [{ path: 'indicators[2].score', from: 2, to: 3 }, { path: 'achievements', from: '', to: '区域经济贡献度持续提升…' }] },
    { id: 3, at: '2022-03-03T06:00:00Z', user: { username: 'lisi', displayName: '李四' }, action: 'submit', comment: null, changes: [] },
    ...(i === 0 ? [{ id: 4, at: '2022-03-05T03:20:00Z', user: { username: 'wangwu', displayName: '王五' }, action: 'return', comment: '预算执行率仅 62.16%，而指标得分 95 分，请说明。', changes: [] }] : []),
  ],
}));

const USERS: Record<string, User> = {
  preparer: { id: '1', username: 'preparer', displayName: '张三', role: 'preparer', unit: UNITS[0]!, mustChangePassword: false },
  reviewer: { id: '2', username: 'reviewer', displayName: '王五', role: 'reviewer', unit: null, mustChangePassword: false },
};
let session: User | null = null;

function report(row: Row) {
  const template = templates.get(row.evaluation.template)!;
  const { computed, findings } = evaluate(row.evaluation, template);
  return {
    computed: { ...computed, grade: computed.grade.label.zh },
    findings: findings.map((f) => ({ code: f.code, severity: f.severity, path: f.path, message: render(f.message, 'zh'), messages: { zh: render(f.message, 'zh'), en: render(f.message, 'en') } })),
  };
}

function summary(row: Row): Summary {
  const { computed } = report(row);
  return { id: row.id, year: row.evaluation.year, unit: row.unit, project: row.evaluation.project.name, template: row.evaluation.template, status: row.status, version: row.version, score: computed.score, grade: computed.grade, executionRate: computed.executionRate, budget: row.evaluation.project.budgetCurrentYear ?? null, updatedAt: row.updatedAt };
}

function allowed(row: Row, user: User): Action[] {
  if (user.role === 'preparer') return [...(row.status === 'draft' || row.status === 'returned' ? (['edit', 'submit'] as const) : []), 'copy'];
  return row.status === 'submitted' ? ['return', 'approve'] : row.status === 'approved' ? ['publish'] : [];
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function mockApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const send = (status: number, data: unknown) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(data));
  };
  const p = url.pathname;
  // A page of a list, as the server answers (`{items, total, limit, offset}`).
  const page = <T,>(items: T[]) => {
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
  };
  const statuses = url.searchParams.get('status')?.split(',').filter(Boolean);
  const m = /^\/api\/(public\/)?evaluations\/(\d+)(\/[a-z-]+)?$/u.exec(p);
  const row = m ? rows.find((r) => r.id === m[2]) : undefined;
  if (p === '/api/login') {
    const { username } = await body(req);
    session = USERS[String(username)] ?? null;
    return session ? send(200, { csrfToken: 'mock', user: session }) : send(401, { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
  }
  if (p === '/api/public/evaluations') return send(200, page(rows.filter((r) => r.status === 'published').map(summary)));
  if (m?.[1] && row) return send(200, { id: row.id, unit: row.unit, evaluation: row.evaluation, computed: report(row).computed });
  if (!session) return send(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  if (p === '/api/me') return send(200, { user: session, csrfToken: 'mock' });
  if (p === '/api/templates') return send(200, { items: [] });
  if (p === '/api/logout') return void ((session = null), send(204, null));
  if (p === '/api/units') {
    const items = UNITS.map((u) => ({ id: String(u.id), code: String(116 + Number(u.id)), name: u.name, parentId: null, disabled: false, children: 0 }));
    return send(200, { items, total: items.length, limit: 50, offset: 0 });
  }
  if (p === '/api/evaluations') return send(200, page(rows.filter((r) => !statuses || statuses.includes(r.status)).map(summary)));
  if (p === '/api/dashboard') {
    const items = rows.map(summary);
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, items.filter((i) => i.status === s).length]));
    const grades = [...new Set(items.map((i) => i.grade))].map((grade) => ({ grade, count: items.filter((i) => i.grade === grade).length }));
    const budgetByUnit = UNITS.map((u) => ({ unit: u.name, budget: rows.filter((r) => r.unit.id === u.id).reduce((n, r) => n + Number(r.evaluation.project.budgetCurrentYear), 0), executed: rows.filter((r) => r.unit.id === u.id).reduce((n, r) => n + Number(r.evaluation.project.executed), 0) }));
    const cells = items.filter((i) => i.executionRate !== null).map((i) => ({ rate: Math.floor(Number(i.executionRate) / 2) * 2, score: Math.floor(Number(i.score) / 2) * 2, count: 1, highScoreLowExecution: Number(i.score) - Number(i.executionRate) > 5 ? 1 : 0 }));
    const money = (key: 'budget' | 'executed') => budgetByUnit.reduce((n, b) => n + b[key], 0).toFixed(2);
    return send(200, { year: 2021, total: items.length, byStatus, byGrade: grades, totals: { budget: money('budget'), executed: money('executed') }, scatter: { bin: 2, cells }, unitCount: UNITS.length, budgetByUnit });
  }
  if (p === '/api/dashboard/table') return send(200, { year: 2021, total: rows.length, limit: 50, offset: 0, items: rows.map(summary) });
  if (p === '/api/import') return send(200, { forms: forms.slice(0, 2).map((evaluation) => ({ evaluation, ...report({ evaluation } as Row), start: null })), diagnostics: [{ severity: 'warning', code: 'CATEGORY_INFERRED', location: 'page 1, row 6, column 1', path: 'evaluations[1].indicators[0].category', message: '该行未写一级指标，按模板分值顺序推定为“产出指标”' }] });
  if (!row) return send(404, { error: { code: 'NOT_FOUND', message: '未找到' } });
  if (!m?.[3] && req.method === 'GET') return send(200, { id: row.id, version: row.version, status: row.status, unit: row.unit, evaluation: row.evaluation, ...report(row), allowedActions: allowed(row, session), returnReason: row.returnReason });
  if (!m?.[3] && req.method === 'PUT') {
    const b = await body(req);
    if (b['version'] !== row.version) return send(409, { error: { code: 'VERSION_CONFLICT', message: '版本冲突' }, version: row.version, evaluation: row.evaluation });
    row.evaluation = b['evaluation'] as Evaluation;
    row.version += 1;
    return send(200, { version: row.version });
  }
  if (m?.[3] === '/audit') return send(200, page(row.audit));
  if (m?.[3] === '/transitions') {
    const b = await body(req);
    const next: Record<string, Status> = { submit: 'submitted', forward: 'forwarded', return: 'returned', approve: 'approved', publish: 'published', unpublish: 'approved' };
    row.status = next[String(b['action'])] ?? row.status;
    row.returnReason = b['action'] === 'return' ? String(b['comment'] ?? '') : row.returnReason;
    row.version += 1;
    return send(200, { status: row.status, version: row.version });
  }
  return send(404, { error: { code: 'NOT_FOUND', message: p } });
}
