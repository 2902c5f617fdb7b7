/**
 * The dialog that starts a project's document: 新建自评价 (a blank evaluation) and 新建绩效目标 (blank
 * targets) share it — a layout, the year, the project's name (and, for the targets, its code),
 * saved at once by the caller's `create`. The year is kept as typed: one that is not a year of the
 * forms (224, 20240) is marked with the reason under it and stops the creation; it is never
 * clamped or rounded to another year.
 */
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { useI18n } from '../../locale/i18n.tsx';
import type { MessageKey } from '../../locale/zh.ts';
import { FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR, readFiscalYear } from '../../../core/model/fiscal-year.ts';

export interface NewProject {
  template: string;
  year: number;
  name: string;
  code: string;
}

interface Values {
  template: string;
  year: string;
  name: string;
  code?: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** The year offered at first. */
  year: number;
  /** `new-evaluation`, `new-targets`: the prefix of the test ids. */
  testId: string;
  title: MessageKey;
  templateLabel: MessageKey;
  yearLabel: MessageKey;
  templates: ReadonlyArray<{ value: string; label: string }>;
  /** The project's code is asked for too (the targets). */
  withCode?: boolean;
  /** Makes the document; resolves when it exists (the caller goes to it). */
  create: (project: NewProject) => Promise<void>;
}

export function NewProjectDialog({ open, onClose, year, testId, title, templateLabel, yearLabel, templates, withCode = false, create }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await create({ template: v.template, year: readFiscalYear(v.year)!, name: v.name.trim(), code: v.code?.trim() ?? '' });
      onClose();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t(title)} onCancel={onClose} onOk={() => form.submit()} okText={t('list.create')} cancelText={t('common.cancel')} okButtonProps={{ loading: busy, ...{ 'data-testid': `${testId}-create` } }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ template: templates[0]?.value, year: String(year) }} onFinish={(v) => void submit(v)} data-testid={`${testId}-form`}>
        <Form.Item name="template" label={t(templateLabel)} rules={[{ required: true }]}>
          <Select options={[...templates]} data-testid={`${testId}-template`} />
        </Form.Item>
        <Form.Item
          name="year"
          label={t(yearLabel)}
          required
          validateTrigger={['onChange', 'onBlur']}
          rules={[{ validator: (_, value: string | undefined) => (readFiscalYear(value ?? '') === null ? Promise.reject(new Error(t('list.yearInvalid', { first: FIRST_FISCAL_YEAR, last: LAST_FISCAL_YEAR }))) : Promise.resolve()) }]}
        >
          <Input inputMode="numeric" autoComplete="off" style={{ width: 120 }} data-testid={`${testId}-year`} />
        </Form.Item>
        <Form.Item name="name" label={t('list.projectName')} rules={[{ required: true, whitespace: true, message: t('list.projectNameRequired') }]}>
          <Input data-testid={`${testId}-name`} />
        </Form.Item>
        {withCode && (
          <Form.Item name="code" label={t('cycle.projectCode')}>
            <Input data-testid={`${testId}-code`} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
