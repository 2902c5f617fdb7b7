/** Two versions of a form (an evaluation, targets, a monitoring) side by side, field by field: the conflict dialog and the copy found on opening. */
import { Table } from 'antd';
import { fieldLabel } from '../../../core/templates/labels.ts';
import type { Template } from '../../../core/templates/template.ts';
import { diffEvaluations, type FieldDifference } from '../../form/diff.ts';
import { useI18n } from '../../locale/i18n.tsx';

interface Props {
  mine: object;
  theirs: object;
  template: Template;
  mineTitle: string;
  theirsTitle: string;
  testId?: string;
}

const show = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));

export function DifferenceTable({ mine, theirs, template, mineTitle, theirsTitle, testId }: Props) {
  const { t, label } = useI18n();
  return (
    <Table<FieldDifference>
      size="small"
      rowKey="path"
      pagination={false}
      scroll={{ y: 400 }}
      data-testid={testId}
      dataSource={diffEvaluations(mine, theirs)}
      columns={[
        { title: t('conflict.field'), dataIndex: 'path', render: (p: string) => `${label(fieldLabel(template, p))} (${p})` },
        { title: mineTitle, dataIndex: 'mine', render: show },
        { title: theirsTitle, dataIndex: 'theirs', render: show },
      ]}
    />
  );
}
