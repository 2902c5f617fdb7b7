/** The audit log: who, when, what (the action and the field changes) and why (the comment). */
import { Empty, Spin, Timeline } from 'antd';
import type { Template } from '../../../core/templates/template.ts';
import { fieldLabel } from '../../../core/templates/labels.ts';
import { api } from '../../api/client.ts';
import { STATUSES, type AuditEntry, type Status } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { formatDateTime } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';

const COLORS: Record<string, string> = { return: 'red', approve: 'green', publish: 'purple', submit: 'blue' };

export function AuditTimeline({ id, template, refresh }: { id: string; template: Template; refresh: number }) {
  const { t, label, lang } = useI18n();
  const audit = useLoad(() => api.get<{ items: AuditEntry[] }>(`/api/evaluations/${id}/audit`), `${id}:${refresh}`);
  if (audit.loading && !audit.data) return <Spin />;
  const items = audit.data?.items ?? [];
  if (items.length === 0) return <Empty description={t('audit.empty')} />;
  const show = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  // A transition is recorded as a change of `status`: shown in the UI's words (状态：草稿 → 已提交), not as codes.
  const isStatus = (v: unknown): v is Status => (STATUSES as readonly unknown[]).includes(v);
  const fieldOf = (path: string) => (path === 'status' ? t('list.col.status') : label(fieldLabel(template, path)));
  const valueOf = (path: string, v: unknown) => (path === 'status' && isStatus(v) ? t(`status.${v}`) : show(v));
  return (
    <Timeline
      data-testid="audit-timeline"
      items={items.map((entry) => ({
        key: String(entry.id),
        color: COLORS[entry.action] ?? 'gray',
        title: formatDateTime(entry.at, lang),
        content: (
          <div className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
            <div>
              <b>{entry.user.displayName}</b> <span className="muted">({entry.user.username})</span> · {actionLabel(entry.action, t)}
            </div>
            {entry.comment && <div className="audit-comment">{entry.comment}</div>}
            {entry.changes.length > 0 && (
              <ul className="audit-changes">
                {entry.changes.slice(0, 20).map((c) => (
                  <li key={c.path}>
                    {fieldOf(c.path)}：<del>{valueOf(c.path, c.from)}</del> → <ins>{valueOf(c.path, c.to)}</ins>
                  </li>
                ))}
                {entry.changes.length > 20 && <li className="muted">{t('audit.more', { count: entry.changes.length - 20 })}</li>}
              </ul>
            )}
          </div>
        ),
      }))}
    />
  );
}

const KNOWN = ['create', 'edit', 'submit', 'return', 'approve', 'publish', 'copy', 'import'] as const;
function actionLabel(action: string, t: ReturnType<typeof useI18n>['t']): string {
  return (KNOWN as readonly string[]).includes(action) ? t(`audit.action.${action as (typeof KNOWN)[number]}`) : action;
}
