/** 新建: a blank form of a chosen template, saved at once so the editor can autosave it. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { blankEvaluation } from '../../../core/templates/blank-evaluation.ts';
import { templates } from '../../form/templates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { useSession } from '../../session/session.tsx';

interface Values {
  template: string;
  year: number;
  name: string;
}

export function NewEvaluationDialog({ open, onClose, year }: { open: boolean; onClose: () => void; year: number }) {
  const { t, label } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const create = async (v: Values) => {
    const template = templates.get(v.template)!;
    setBusy(true);
    try {
      const res = await unwrap(client.POST('/api/evaluations', { body: { evaluation: blankEvaluation(template, v.year, v.name.trim(), user?.unit?.name ?? '') } }));
      void queries.invalidateQueries({ queryKey: keys.evaluations });
      onClose();
      navigate(`/evaluations/${res.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('list.newTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('list.create')} cancelText={t('common.cancel')} okButtonProps={{ loading: busy, ...{ 'data-testid': 'new-evaluation-create' } }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ template: templates.ids()[0], year }} onFinish={(v) => void create(v)} data-testid="new-evaluation-form">
        <Form.Item name="template" label={t('list.template')} rules={[{ required: true }]}>
          <Select options={templates.ids().map((id) => ({ value: id, label: label(templates.get(id)!.name) }))} data-testid="new-evaluation-template" />
        </Form.Item>
        <Form.Item name="year" label={t('list.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2999} data-testid="new-evaluation-year" />
        </Form.Item>
        <Form.Item name="name" label={t('list.projectName')} rules={[{ required: true, whitespace: true, message: t('list.projectNameRequired') }]}>
          <Input data-testid="new-evaluation-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
