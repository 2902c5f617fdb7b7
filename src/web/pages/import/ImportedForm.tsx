/**
 * One form read from a file: its result at a glance, the form itself on demand, and 保存. A form
 * whose 预算单位/主管部门 is not the user's unit (the server compares the names) says so, naming both,
 * and is saved only once the user confirms: saved, it is the user's unit's form.
 */
import { CheckCircleOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Collapse, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { evaluate } from '../../../core/checks/run-checks.ts';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import { fieldLabel } from '../../../core/templates/labels.ts';
import { ApiError, client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { ServerFinding } from '../../api/types.ts';
import { countBySeverity, fromServer } from '../../form/findings.ts';
import { templates } from '../../form/templates.ts';
import { FormView } from '../../form-view/FormView.tsx';
import { useI18n } from '../../locale/i18n.tsx';

export interface UnitMismatch {
  file: string;
  unit: string;
  department: string | null;
}

interface Props {
  index: number;
  evaluation: Evaluation;
  findings: ServerFinding[];
  /** The file names another unit than the user's (null: it agrees, or says nothing). */
  unitMismatch?: UnitMismatch | null;
}

export function ImportedForm({ index, evaluation, findings, unitMismatch = null }: Props) {
  const { t, label, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [savedId, setSavedId] = useState<string | null>(null);
  const queries = useQueryClient();
  const [busy, setBusy] = useState(false);
  const template = templates.get(evaluation.template);
  const report = useMemo(() => (template ? evaluate(evaluation, template) : null), [evaluation, template]);
  // The importer's checks (the server's) are what is shown; the browser only adds the totals.
  const shown = useMemo(() => fromServer(findings, lang), [findings, lang]);
  const counts = countBySeverity(shown);
  const save = async () => {
    setBusy(true);
    try {
      const res = await unwrap(client.POST('/api/evaluations', { body: { evaluation } }));
      setSavedId(String(res.id));
      void queries.invalidateQueries({ queryKey: keys.evaluations });
      message.success(t('import.saved', { project: evaluation.project.name }));
    } catch (e) {
      const issues = e instanceof ApiError ? (e.body?.error.issues ?? []).map((i) => `${i.path}: ${i.message}`).join('; ') : '';
      message.error(`${e instanceof Error ? e.message : String(e)} ${issues}`);
    } finally {
      setBusy(false);
    }
  };
  const mismatchWords = unitMismatch && {
    field: template ? label(fieldLabel(template, 'project.budgetUnit')) : t('import.unitField'),
    fileUnit: unitMismatch.file,
    myUnit: unitMismatch.unit,
    myDepartment: unitMismatch.department ?? '—',
  };
  /** 保存: straight away when the file is the user's unit's; after a confirm naming both units otherwise. */
  const askAndSave = () => {
    if (!mismatchWords) return void save();
    modal.confirm({
      title: t('import.unitMismatchTitle'),
      content: <span data-testid="import-unit-confirm">{t(unitMismatch?.department ? 'import.unitMismatchBody' : 'import.unitMismatchBodyNoDepartment', mismatchWords)}</span>,
      okText: t('import.unitMismatchConfirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'import-unit-confirm-ok' } as Record<`data-${string}`, string>,
      onOk: () => save(),
    });
  };
  const header = (
    <Space wrap data-testid="import-form" data-index={index}>
      <b>{evaluation.project.name || t('editor.untitled')}</b>
      <span className="muted">{evaluation.project.budgetUnit} · {evaluation.year} · {template ? label(template.name) : evaluation.template}</span>
      {report && <Tag>{t('import.scoreGrade', { score: report.computed.score, grade: label(report.computed.grade.label) })}</Tag>}
      {counts.error > 0 && <Tag color="red">{t('findings.errors', { count: counts.error })}</Tag>}
      {counts.warning > 0 && <Tag color="orange">{t('findings.warnings', { count: counts.warning })}</Tag>}
      {mismatchWords && <Tag color="red" icon={<WarningOutlined />} data-testid={`import-unit-mismatch-${index}`}>{t('import.unitMismatchNote', mismatchWords)}</Tag>}
    </Space>
  );
  const action = savedId ? (
    <Link to={`/evaluations/${savedId}`} data-testid={`import-open-${index}`} onClick={(e) => e.stopPropagation()}>
      <CheckCircleOutlined /> {t('import.open')}
    </Link>
  ) : (
    <Button type="primary" size="small" icon={<SaveOutlined />} loading={busy} data-testid={`import-save-${index}`} onClick={(e) => { e.stopPropagation(); askAndSave(); }}>
      {t('import.save')}
    </Button>
  );
  return (
    <Collapse
      size="small"
      className="imported-form"
      items={[{ key: 'form', label: header, extra: action, children: template ? <FormView evaluation={evaluation} template={template} findings={shown} /> : null }]}
    />
  );
}
