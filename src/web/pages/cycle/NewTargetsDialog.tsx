/** 新建绩效目标: a blank declaration of a layout that has one (the funding rows it prints, no indicator yet), saved at once. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { TARGETS_SCHEMA_ID, type Targets } from '../../../core/model/targets.ts';
import type { Template } from '../../../core/templates/template.ts';
import { ApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';
import { templates } from '../../form/templates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { createTargets } from './cycle-kinds.ts';

interface Values {
  template: string;
  year: number;
  name: string;
  code?: string;
}

export function blankTargets(template: Template, year: number, name: string, code: string, unit: string): Targets {
  const layout = template.documents?.targets;
  return {
    schema: TARGETS_SCHEMA_ID,
    template: template.id,
    year,
    project: { name, ...(code ? { code } : {}), department: unit },
    funding: (layout?.fundingRows ?? []).map((key) => ({ source: layout?.fieldLabels[key]?.zh ?? key, budget: '' })),
    annualGoal: '',
    indicators: [],
  };
}

export function NewTargetsDialog({ open, onClose, year }: { open: boolean; onClose: () => void; year: number }) {
  const { t, label } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const ids = templates.ids().filter((id) => templates.get(id)?.documents?.targets);
  const create = async (v: Values) => {
    setBusy(true);
    try {
      const { id } = await createTargets(blankTargets(templates.get(v.template)!, v.year, v.name.trim(), v.code?.trim() ?? '', user?.unit?.name ?? ''));
      void queries.invalidateQueries({ queryKey: keys.cycle });
      onClose();
      navigate(`/targets/${id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('cycle.newTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('list.create')} cancelText={t('common.cancel')} okButtonProps={{ loading: busy, ...{ 'data-testid': 'new-targets-create' } }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ template: ids[0], year }} onFinish={(v) => void create(v)} data-testid="new-targets-form">
        <Form.Item name="template" label={t('cycle.newTemplate')} rules={[{ required: true }]}>
          <Select options={ids.map((id) => ({ value: id, label: label(templates.get(id)!.documents!.targets!.title) }))} data-testid="new-targets-template" />
        </Form.Item>
        <Form.Item name="year" label={t('cycle.newYear')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2999} data-testid="new-targets-year" />
        </Form.Item>
        <Form.Item name="name" label={t('list.projectName')} rules={[{ required: true, whitespace: true, message: t('list.projectNameRequired') }]}>
          <Input data-testid="new-targets-name" />
        </Form.Item>
        <Form.Item name="code" label={t('cycle.projectCode')}>
          <Input data-testid="new-targets-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
