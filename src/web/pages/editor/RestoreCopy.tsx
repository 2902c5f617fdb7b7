/**
 * A copy of what this user typed and did not get saved (kept in the tab while the session ended),
 * found on opening the form with the server still on the version it was typed on: restore it (it
 * goes into the form as unsaved edits, and autosave sends it) or drop it (asked twice: it cannot be
 * had back). The form cannot be edited any more: the user is told, sees what it held, and may drop it.
 */
import { Alert, Button, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { Template } from '../../../core/templates/template.ts';
import { diffEvaluations } from '../../form/diff.ts';
import { formatDateTime } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { DifferenceTable } from './DifferenceTable.tsx';
import type { PendingCopy } from './use-tab-copy.ts';

interface Props<D extends object> {
  pending: PendingCopy<D> | null;
  /** The form as the server has it. */
  server: D;
  template: Template;
  onRestore: () => void;
  onDiscard: () => void;
}

export function RestoreCopy<D extends object>({ pending, server, template, onRestore, onDiscard }: Props<D>) {
  const { t, lang } = useI18n();
  const [changes, setChanges] = useState(false);
  if (!pending) return null;
  const { copy } = pending;
  const time = formatDateTime(copy.savedAt, lang);
  const count = diffEvaluations(copy.document, server).length;
  const toggle = (
    <Button onClick={() => setChanges((c) => !c)} data-testid="restore-see-changes">
      {changes ? t('restore.hideChanges') : t('restore.seeChanges', { count })}
    </Button>
  );
  const table = changes && (
    <DifferenceTable mine={copy.document} theirs={server} template={template} mineTitle={t('restore.unsaved')} theirsTitle={t('restore.server')} testId="restore-changes" />
  );
  const discard = (
    <Popconfirm
      title={t('restore.discardConfirm')}
      onConfirm={onDiscard}
      okText={t('restore.discard')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'restore-discard-confirm' } as Record<`data-${string}`, string>}
    >
      <Button danger data-testid="restore-discard">{t('restore.discard')}</Button>
    </Popconfirm>
  );

  if (pending.kind === 'readonly') {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="restore-readonly"
        title={t('restore.readonly', { time })}
        description={table || undefined}
        action={<Space orientation="vertical">{toggle}{discard}</Space>}
      />
    );
  }
  return (
    <Modal
      open
      title={t('restore.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={changes ? 900 : 520}
      footer={
        <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
          {toggle}
          <Space wrap>
            {discard}
            <Button type="primary" onClick={onRestore} data-testid="restore-apply">{t('restore.restore')}</Button>
          </Space>
        </div>
      }
    >
      <div data-testid="restore-dialog">
        <p>{t('restore.body', { time })}</p>
        {table}
      </div>
    </Modal>
  );
}
