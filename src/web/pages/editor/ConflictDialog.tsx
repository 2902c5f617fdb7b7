/**
 * Someone else saved this evaluation while it was being edited (409 VERSION_CONFLICT). Nothing is
 * lost silently: keep mine (overwrite theirs), take theirs (drop mine), or see both side by side.
 */
import { Button, Modal, Table } from 'antd';
import { useState } from 'react';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import type { Template } from '../../../core/templates/template.ts';
import { fieldLabel } from '../../../core/templates/labels.ts';
import { diffEvaluations, type FieldDifference } from '../../form/diff.ts';
import { useI18n } from '../../locale/i18n.tsx';

interface Props {
  mine: Evaluation;
  theirs: Evaluation | null;
  template: Template;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

export function ConflictDialog({ mine, theirs, template, onKeepMine, onTakeTheirs }: Props) {
  const { t, label } = useI18n();
  const [both, setBoth] = useState(false);
  const show = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));
  return (
    <Modal
      open={theirs !== null}
      title={t('conflict.title')}
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
        <p>{t('conflict.body')}</p>
        {both && theirs && (
          <Table<FieldDifference>
            size="small"
            rowKey="path"
            pagination={false}
            scroll={{ y: 400 }}
            dataSource={diffEvaluations(mine, theirs)}
            columns={[
              { title: t('conflict.field'), dataIndex: 'path', render: (p: string) => `${label(fieldLabel(template, p))} (${p})` },
              { title: t('conflict.mine'), dataIndex: 'mine', render: show },
              { title: t('conflict.theirs'), dataIndex: 'theirs', render: show },
            ]}
          />
        )}
      </div>
    </Modal>
  );
}
