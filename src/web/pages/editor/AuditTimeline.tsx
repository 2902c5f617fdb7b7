/** The audit log: who, when, what (the action and the field changes) and why (the comment). */
import { Alert, Empty, Spin, Timeline } from 'antd';
import type { Template } from '../../../core/templates/template.ts';
import { api } from '../../api/client.ts';
import type { AuditEntry } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { formatDateTime } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { changeField, changeValue } from './change-words.ts';

const COLORS: Record<string, string> = { return: 'red', approve: 'green', publish: 'purple', submit: 'blue', delete: 'red', restore: 'green' };

export function AuditTimeline({ id, template, refresh }: { id: string; template: Template; refresh: number }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const audit = useLoad(() => api.get<{ items: AuditEntry[] }>(`/api/evaluations/${id}/audit`), `${id}:${refresh}`);
  if (audit.loading && !audit.data) return <Spin />;
  const items = audit.data?.items ?? [];
  if (items.length === 0) return <Empty description={t('audit.empty')} />;
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
            {/* The reviewer's reason for a return is what the preparer works from: shown as such, not as a remark. */}
            {entry.comment && entry.action === 'return' && (
              <Alert type="error" showIcon className="audit-return-reason" style={{ margin: "4px 0", whiteSpace: "pre-wrap" }} title={t('audit.returnReason')} description={<div data-testid="audit-return-reason">{entry.comment}</div>} />
            )}
            {entry.comment && entry.action !== 'return' && <div className="audit-comment">{entry.comment}</div>}
            {entry.changes.length > 0 && (
              <ul className="audit-changes">
                {entry.changes.slice(0, 20).map((c) => (
                  <li key={c.path} data-testid="audit-change">
                    {changeField(c, template, i18n)}：<del>{changeValue(c, 'from', i18n)}</del> → <ins>{changeValue(c, 'to', i18n)}</ins>
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

const KNOWN = ['create', 'edit', 'submit', 'forward', 'return', 'approve', 'publish', 'copy', 'import', 'setup', 'delete', 'restore'] as const;
function actionLabel(action: string, t: ReturnType<typeof useI18n>['t']): string {
  return (KNOWN as readonly string[]).includes(action) ? t(`audit.action.${action as (typeof KNOWN)[number]}`) : action;
}
