/**
 * A year's settings (admin): whether submitted forms go to the unit's department first (主管部门审核)
 * and the deadline (填报截止日期), after which forms still with their unit count as overdue.
 */
import { App, DatePicker, Form, Modal, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, client, unwrap } from '../../../api/client.ts';
import type { YearSettings } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';

interface Values {
  departmentReview: boolean;
  deadline: Dayjs | null;
}

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
        client.PUT('/api/years/{year}', { params: { path: { year: settings.year } }, body: { departmentReview: v.departmentReview, deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null } }),
      );
      message.success(t('years.saved', { year: saved.year }));
      onSaved(saved);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.network'));
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
        initialValues={{ departmentReview: settings?.departmentReview ?? false, deadline: settings?.deadline ? dayjs(settings.deadline) : null }}
        onFinish={(v) => void save(v)}
        data-testid="year-form"
      >
        <Form.Item name="departmentReview" label={t('years.departmentReview')} valuePropName="checked" extra={t('years.departmentReviewHint')}>
          <Switch checkedChildren={t('years.on')} unCheckedChildren={t('years.off')} data-testid="year-department-review" />
        </Form.Item>
        <Form.Item name="deadline" label={t('years.deadline')}>
          <DatePicker format="YYYY-MM-DD" allowClear data-testid="year-deadline" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
