/**
 * 提出整改: the reviewer (or the department reviewer) raises an item on a form — the problem, what is
 * required, a due date, optionally one indicator (by its lineage id) — from the form itself or from
 * a re-check result (`recheckDraw`, the problem prefilled with the gap, to be edited). A refused
 * raise says why at the field and keeps what was typed; the dialog is emptied once the item exists.
 * A prefill never overwrites a field the user has typed into or chosen.
 */
import { App, Form, Input, Modal, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, client, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/field-errors.ts';
import { keys } from '../../api/queries.ts';
import { DateTextInput } from '../../form-view/DateTextInput.tsx';
import { readTypedDate } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { invalidateRectifications, raiseRectification } from './rect-api.ts';

export interface IndicatorChoice {
  /** The lineage id (`indicators[].id`); a row not yet saved has none and is not offered. */
  id?: string | undefined;
  name: string;
}

interface Values {
  problem: string;
  requirement: string;
  /** As typed; read on raising. */
  dueDate: string;
  indicator: string | undefined;
}

const FIELDS = ['problem', 'requirement', 'dueDate', 'indicator'] as const;

interface Props {
  open: boolean;
  evaluationId: string;
  /** The form's indicators; when absent they are read from the form. */
  indicators?: readonly IndicatorChoice[];
  recheckDraw?: string;
  /** The problem's first words (a re-check's gap). */
  problem?: string;
  /** The indicator chosen at first, by its row (the one a re-check scored differently). */
  indicatorIndex?: number;
  onClose: () => void;
}

export function RaiseDialog({ open, evaluationId, indicators, recheckDraw, problem, indicatorIndex, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  // A re-check result names the form only: its indicators are read when the dialog opens.
  const read = useQuery({
    queryKey: keys.evaluationPart(evaluationId, 'raise-indicators'),
    queryFn: ({ signal }) => unwrap(client.GET('/api/evaluations/{id}', { params: { path: { id: evaluationId }, signal } })),
    enabled: open && indicators === undefined,
  });
  const choices = indicators ?? (read.data?.evaluation.indicators as IndicatorChoice[] | undefined) ?? [];
  const options = choices.flatMap((c, i) => (c.id ? [{ value: c.id, label: t('rect.indicatorRow', { row: i + 1, name: c.name || '—' }) }] : []));
  const indicator = indicatorIndex === undefined ? undefined : choices[indicatorIndex]?.id;
  // The prefill (the re-check's gap, its indicator) goes only into a field the user has not touched:
  // reopening the dialog, or a gap report arriving late or changing, never replaces what was typed or chosen.
  useEffect(() => {
    if (open && problem !== undefined && !form.isFieldTouched('problem')) form.setFieldsValue({ problem });
  }, [open, problem, form]);
  useEffect(() => {
    if (open && indicator !== undefined && !form.isFieldTouched('indicator')) form.setFieldsValue({ indicator });
  }, [open, indicator, form]);

  const raise = async (v: Values) => {
    setBusy(true);
    try {
      await raiseRectification(evaluationId, {
        problem: v.problem.trim(),
        requirement: v.requirement.trim(),
        dueDate: readTypedDate(v.dueDate)!,
        ...(v.indicator ? { indicator: v.indicator } : {}),
        ...(recheckDraw ? { recheckDraw } : {}),
      });
      void message.success(t('rect.raised'));
      await invalidateRectifications(queries, evaluationId);
      form.resetFields();
      onClose();
    } catch (e) {
      const problems = fieldErrors(e, FIELDS);
      if (problems.length > 0) form.setFields(problems);
      void message.error(e instanceof ApiError ? e.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={recheckDraw ? t('rect.raiseFromRecheck') : t('rect.raiseTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('rect.raise')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'rect-raise-confirm' } }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void raise(v)} initialValues={{ problem: problem ?? '', dueDate: '' }} data-testid="rect-raise-form">
        <Form.Item name="problem" label={t('rect.problem')} rules={[{ required: true, whitespace: true, message: t('rect.problemRequired') }]}>
          <Input.TextArea rows={4} maxLength={2000} placeholder={t('rect.problemPlaceholder')} data-testid="rect-raise-problem" />
        </Form.Item>
        <Form.Item name="requirement" label={t('rect.requirement')} rules={[{ required: true, whitespace: true, message: t('rect.requirementRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('rect.requirementPlaceholder')} data-testid="rect-raise-requirement" />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('rect.dueDate')}
          rules={[{ validator: (_, text: string | undefined) => (!text?.trim() ? Promise.reject(new Error(t('rect.dueDateRequired'))) : readTypedDate(text) === null ? Promise.reject(new Error(t('date.unread', { text }))) : Promise.resolve()) }]}
        >
          <DateTextInput testId="rect-raise-due" />
        </Form.Item>
        <Form.Item name="indicator" label={t('rect.indicator')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} loading={read.isFetching} placeholder={t('rect.indicatorPlaceholder')} data-testid="rect-raise-indicator" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
