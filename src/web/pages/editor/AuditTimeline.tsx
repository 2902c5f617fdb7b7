/**
 * The audit log: who, when, what (the action and the field changes) and why (the comment), oldest
 * first as the server pages it; later entries a page at a time (a form's log grows with every
 * autosave). Changes read in words (indicator names, 草稿/已提交, 是/否, amounts, 空 — never ids or
 * codes: change-words.ts); an entry shows its first few and opens to all of them.
 */
import { Alert, Button, Empty, Grid, Spin, Timeline } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Template } from '../../../core/templates/template.ts';
import { client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { formatDateTime } from '../../format/dates.ts';
import { isMessageKey, useI18n } from '../../locale/i18n.tsx';
import { useLoadMore } from '../../paging/use-load-more.ts';
import type { FieldChange } from '../../api/types.ts';
import { changeField, changeValue, shownChanges } from './change-words.ts';

const COLORS: Record<string, string> = { return: 'red', unpublish: 'orange', approve: 'green', publish: 'purple', submit: 'blue', delete: 'red', restore: 'green' };

/** Read again whenever the form changes (a save, a transition: they invalidate its `audit`). */
export function AuditTimeline({ id, template }: { id: string; template: Template }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const wide = Grid.useBreakpoint().md ?? true;
  const audit = useLoadMore(keys.evaluationPart(id, 'audit'), (limit, offset, signal) =>
    unwrap(client.GET('/api/evaluations/{id}/audit', { params: { path: { id }, query: { limit, offset } }, signal })),
  );
  if (!audit.loaded) return audit.error ? <Alert type="error" showIcon title={audit.error.message} /> : <Spin />;
  const items = audit.items;
  if (items.length === 0) return <Empty description={t('audit.empty')} />;
  const left = audit.total - items.length;
  return (
    <>
      <div className="muted audit-count" data-testid="audit-count">{t('audit.count', { shown: items.length, total: audit.total })}</div>
      <Timeline
        data-testid="audit-timeline"
        items={items.map((entry) => ({
          key: String(entry.id),
          color: COLORS[entry.action] ?? 'gray',
          // On a phone the time goes above the entry: beside it, it takes half the width.
          ...(wide ? { title: formatDateTime(entry.at, lang) } : {}),
          content: (
            <div className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
              {!wide && <div className="muted">{formatDateTime(entry.at, lang)}</div>}
              <div>
                <b>{entry.user.displayName}</b> <span className="muted">({entry.user.username})</span> · {actionLabel(entry.action, t)}
              </div>
              {/* The reviewer's reason for a return is what the preparer works from: shown as such, not as a remark. */}
              {entry.comment && entry.action === 'return' && (
                <Alert type="error" showIcon className="audit-return-reason" style={{ margin: "4px 0", whiteSpace: "pre-wrap" }} title={t('audit.returnReason')} description={<div data-testid="audit-return-reason">{entry.comment}</div>} />
              )}
              {entry.comment && entry.action !== 'return' && <div className="audit-comment">{entry.comment}</div>}
              <AuditChanges changes={entry.changes} template={template} />
            </div>
          ),
        }))}
      />
      {left > 0 && (
        <Button onClick={audit.more} loading={audit.loading} data-testid="audit-load-more">
          {t('audit.loadMore', { count: left })}
        </Button>
      )}
      {audit.error && <Alert type="error" showIcon title={audit.error.message} />}
    </>
  );
}

/** The action in words; an action this UI has no word for yet is shown as the server names it rather than hidden. */
function actionLabel(action: string, t: ReturnType<typeof useI18n>['t']): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** An entry shows this many changes until opened. */
const FIRST_CHANGES = 3;

function AuditChanges({ changes, template }: { changes: readonly FieldChange[]; template: Template }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const shown = shownChanges(changes);
  if (shown.length === 0) return null;
  const visible = open ? shown : shown.slice(0, FIRST_CHANGES);
  return (
    <>
      <ul className="audit-changes">
        {visible.map((c) => (
          <li key={c.path} data-testid="audit-change">
            {changeField(c, template, i18n)}：
            {c.path === 'copiedFrom' && typeof c.to === 'string' ? (
              <>{changeValue(c, 'to', i18n, template)} <Link to={`/evaluations/${encodeURIComponent(c.to)}`}>{t('audit.openSource')}</Link></>
            ) : (
              <><del>{changeValue(c, 'from', i18n, template)}</del> → <ins>{changeValue(c, 'to', i18n, template)}</ins></>
            )}
          </li>
        ))}
      </ul>
      {shown.length > FIRST_CHANGES && (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="audit-expand">
          {open ? t('audit.showFewer') : t('audit.showAll', { count: shown.length })}
        </Button>
      )}
    </>
  );
}
