/**
 * Someone else saved this document (an evaluation, targets, a monitoring) while it was being edited (409 VERSION_CONFLICT), or, on
 * opening, while what this user typed waited in the tab for a new login (`copySavedAt`: when it was
 * typed). Nothing is lost silently: keep mine (overwrite theirs), take theirs (drop mine), or see
 * both side by side.
 */
import { Button, Modal } from 'antd';
import { useState } from 'react';
import type { Template } from '../../../core/templates/template.ts';
import { formatDateTime } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { DifferenceTable } from './DifferenceTable.tsx';

interface Props<D extends object> {
  mine: D;
  theirs: D | null;
  template: Template;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  /** The conflict is a copy kept in the tab (typed then, ISO) against the server's form. */
  copySavedAt?: string | null;
}

export function ConflictDialog<D extends object>({ mine, theirs, template, onKeepMine, onTakeTheirs, copySavedAt }: Props<D>) {
  const { t, lang } = useI18n();
  const [both, setBoth] = useState(false);
  return (
    <Modal
      open={theirs !== null}
      title={copySavedAt ? t('restore.conflictTitle') : t('conflict.title')}
      closable={false}
      mask={{ closable: false }}
      width={both ? 900 : 520}
      footer={[
        <Button key="both" onClick={() => setBoth((b) => !b)} data-testid="conflict-see-both">{t('conflict.seeBoth')}</Button>,
        <Button key="theirs" onClick={onTakeTheirs} data-testid="conflict-take-theirs">{t('conflict.takeTheirs')}</Button>,
        <Button key="mine" type="primary" onClick={onKeepMine} data-testid="conflict-keep-mine">{t('conflict.keepMine')}</Button>,
      ]}
    >
      <div data-testid="conflict-dialog">
        {copySavedAt ? <p data-testid="conflict-copy-note">{t('restore.conflictBody', { time: formatDateTime(copySavedAt, lang) })}</p> : <p>{t('conflict.body')}</p>}
        {both && theirs && <DifferenceTable mine={mine} theirs={theirs} template={template} mineTitle={t('conflict.mine')} theirsTitle={t('conflict.theirs')} />}
      </div>
    </Modal>
  );
}
