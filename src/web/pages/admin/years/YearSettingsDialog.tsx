/**
 * A year's settings (admin): whether submitted forms go to the unit's department first (主管部门审核)
 * and the deadline (填报截止日期), after which forms still with their unit count as overdue; and the
 * monitoring date (监控时点, issue 16), the as-of date of the monitoring drafts made from targets. The
 * server decides whether that date is a day of the year (422 INVALID_MONITORING_DATE): its word is
 * shown at the field and what was typed stays there to be corrected.
 */
import { App, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { ApiError, client, unwrap } from '../../../api/client.ts';
import type { YearSettings } from '../../../api/types.ts';
import { DateTextInput } from '../../../form-view/DateTextInput.tsx';
import { readTypedDate } from '../../../format/dates.ts';
import { useI18n } from '../../../locale/i18n.tsx';

interface Values {
  departmentReview: boolean;
  /** As typed; blank is no deadline. */
  deadline: string;
  monitoringAsOf: string;
}

/** What the server takes: "MM-DD" or "YYYY-MM-DD" (whether it is a day of the year, the server says); blank is the default. */
export const MONITORING_DATE_SHAPE = /^(\d{4}-)?\d{2}-\d{2}$/u;

/** The typed monitoring date as sent: trimmed, blank as null (the template's default). */
export const monitoringAsOfBody = (typed: string | undefined): string | null => (typed?.trim() ? typed.trim() : null);

export function YearSettingsDialog({ settings, onClose, onSaved }: { settings: YearSettings | null; onClose: () => void; onSaved: (s: YearSettings) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // The dialog keeps one form store between openings: `clearOnDestroy` empties it when the dialog closes,
  // so the next opening starts from its own initial values, not the last record's.
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const save = async (v: Values) => {
    if (!settings) return;
    setBusy(true);
    try {
      const saved = await unwrap(
        client.PUT('/api/years/{year}', { params: { path: { year: settings.year } }, body: {
            departmentReview: v.departmentReview,
            deadline: v.deadline.trim() ? readTypedDate(v.deadline) : null,
            monitoringAsOf: monitoringAsOfBody(v.monitoringAsOf),
          },
        }),
      );
      message.success(t('years.saved', { year: saved.year }));
      onSaved(saved);
    } catch (e) {
      // A date that is no day of the year: said at the field, the typed value kept.
      if (e instanceof ApiError && e.code === 'INVALID_MONITORING_DATE') form.setFields([{ name: 'monitoringAsOf', errors: [e.message] }]);
      else message.error(e instanceof ApiError ? e.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={settings !== null}
      title={t('years.settingsTitle', { year: settings?.year ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'year-save' } }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ departmentReview: settings?.departmentReview ?? false, deadline: settings?.deadline ?? '', monitoringAsOf: settings?.monitoringAsOf ?? '' }}
        onFinish={(v) => void save(v)}
        data-testid="year-form"
      >
        <Form.Item name="departmentReview" label={t('years.departmentReview')} valuePropName="checked" extra={t('years.departmentReviewHint')}>
          <Switch checkedChildren={t('years.on')} unCheckedChildren={t('years.off')} data-testid="year-department-review" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('years.deadline')}
          rules={[{ validator: (_, text: string | undefined) => (text?.trim() && readTypedDate(text) === null ? Promise.reject(new Error(t('date.unread', { text }))) : Promise.resolve()) }]}
        >
          <DateTextInput testId="year-deadline" />
        </Form.Item>
        <Form.Item
          name="monitoringAsOf"
          label={t('years.monitoringAsOf')}
          extra={t('years.monitoringAsOfHint')}
          rules={[{ pattern: MONITORING_DATE_SHAPE, message: t('years.monitoringAsOfShape', { year: settings?.year ?? '' }) }]}
        >
          <Input allowClear placeholder={t('years.monitoringAsOfDefault')} maxLength={10} style={{ maxWidth: 200 }} data-testid="year-monitoring-as-of" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
