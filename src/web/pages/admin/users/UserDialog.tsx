/**
 * Adding a user or changing one: username (fixed once made), name, role, and the unit — required
 * for the unit's roles (preparer, approver, department reviewer) and not asked for the bureau's
 * (reviewer, admin), who have none. A new user's one-time password goes back to the page, which
 * shows it once. The server's field problems (username taken, unit disabled …) show on the fields.
 */
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError, client, unwrap } from '../../../api/client.ts';
import { fieldErrors } from '../../../api/field-errors.ts';
import { ROLES, UNIT_ROLES, type CreatedUser, type Role, type UserRecord } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { UnitSelect } from '../../../units/UnitSelect.tsx';

interface Values {
  username: string;
  displayName?: string;
  role: Role;
  unitId?: string;
}

export type UserDialogMode = { kind: 'create' } | { kind: 'edit'; user: UserRecord };

export function UserDialog({ mode, onClose, onCreated, onSaved }: { mode: UserDialogMode | null; onClose: () => void; onCreated: (created: CreatedUser) => void; onSaved: (user: UserRecord) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // The dialog keeps one form store between openings: `clearOnDestroy` empties it when the dialog closes,
  // so the next opening starts from its own initial values, not the last record's.
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const editing = mode?.kind === 'edit' ? mode.user : null;
  const needsUnit = role !== undefined && UNIT_ROLES.includes(role);
  const initial: Partial<Values> = editing
    ? { username: editing.username, displayName: editing.displayName, role: editing.role, ...(editing.unit ? { unitId: String(editing.unit.id) } : {}) }
    : {};

  const save = async (v: Values) => {
    const unitId = UNIT_ROLES.includes(v.role) ? v.unitId ?? null : null;
    const displayName = v.displayName?.trim() ?? '';
    setBusy(true);
    try {
      if (editing) {
        const user = await unwrap(client.PATCH('/api/users/{id}', { params: { path: { id: editing.id } }, body: { displayName, role: v.role, unitId } }));
        message.success(t('users.saved', { username: user.username }));
        onSaved(user);
      } else {
        onCreated(await unwrap(client.POST('/api/users', { body: { username: v.username.trim(), role: v.role, unitId, ...(displayName ? { displayName } : {}) } })));
      }
    } catch (e) {
      const onFields = fieldErrors(e, ['username', 'displayName', 'role', 'unitId']);
      if (onFields.length > 0) form.setFields(onFields);
      else message.error(e instanceof ApiError ? (e.code === 'LAST_ADMIN' ? t('users.lastAdmin') : e.message) : t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={mode !== null}
      title={t(editing ? 'users.edit' : 'users.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'user-save' } }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} data-testid="user-form" clearOnDestroy>
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }]}>
          <Input disabled={editing !== null} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="user-role" />
        </Form.Item>
        {needsUnit && (
          <Form.Item
            name="unitId"
            label={t('users.unit')}
            rules={[{ required: true, message: t('users.unitRequired') }]}
            extra={role === 'department' ? t('users.unitHintDepartment') : undefined}
          >
            <UnitSelect activeOnly testId="user-unit" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
