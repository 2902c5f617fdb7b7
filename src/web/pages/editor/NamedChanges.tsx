/**
 * What changed from one form to another, field by field in the form's words: the indicator named
 * ("宣传场次 · 备注"), status words, blanks as a dash (the core's field changes, named as the audit
 * log names them). For the refused step (what changed since the actor looked) and the unsaved text
 * of a form that left the preparer's hands.
 */
import { Table } from 'antd';
import { useMemo } from 'react';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import type { Template } from '../../../core/templates/template.ts';
import { fieldChanges } from '../../../core/workflow/field-changes.ts';
import { nameIndicators, type NamedFieldChange } from '../../../core/workflow/named-changes.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { changeField, changeValue } from './change-words.ts';

interface Props {
  before: Evaluation;
  after: Evaluation;
  template: Template;
  beforeTitle: string;
  afterTitle: string;
  testId: string;
  /** Shown when nothing differs. */
  empty?: React.ReactNode;
}

/** The changes from `before` to `after`, with the indicators' names. */
export const namedChanges = (before: Evaluation, after: Evaluation): NamedFieldChange[] => nameIndicators(fieldChanges(before, after), before, after);

export function NamedChanges({ before, after, template, beforeTitle, afterTitle, testId, empty }: Props) {
  const i18n = useI18n();
  const changes = useMemo(() => namedChanges(before, after), [before, after]);
  if (changes.length === 0 && empty) return <>{empty}</>;
  return (
    <Table<NamedFieldChange>
      size="small"
      rowKey="path"
      pagination={false}
      scroll={{ y: 360 }}
      data-testid={testId}
      dataSource={changes}
      onRow={() => ({ 'data-testid': `${testId}-row` } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { title: i18n.t('stale.field'), key: 'field', render: (_: unknown, c) => changeField(c, template, i18n) },
        { title: beforeTitle, key: 'from', render: (_: unknown, c) => changeValue(c, 'from', i18n) },
        { title: afterTitle, key: 'to', render: (_: unknown, c) => changeValue(c, 'to', i18n) },
      ]}
    />
  );
}
