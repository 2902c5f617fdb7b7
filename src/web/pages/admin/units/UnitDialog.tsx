/**
 * Adding or changing a unit: its code, its name, and where it stands — directly under the finance
 * bureau (a 主管部门) or under a unit chosen by search. The server checks codes and names (taken,
 * malformed) and the parent (unknown, disabled, a unit below itself): its answers show on the fields.
 */
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, client, unwrap } from '../../../api/client.ts';
import { fieldErrors } from '../../../api/field-errors.ts';
import type { UnitRecord } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { rememberUnits } from '../../../units/unit-cache.ts';
import { UnitSelect } from '../../../units/UnitSelect.tsx';

/** The parent choice that means "directly under the finance bureau" (the API's `parent=root`). */
const BUREAU = 'root';

interface Values {
  code: string;
  name: string;
  parentId: string;
}

export type UnitDialogMode = { kind: 'create'; parentId: string | null } | { kind: 'edit'; unit: UnitRecord };

export function UnitDialog({ mode, onClose, onSaved }: { mode: UnitDialogMode | null; onClose: () => void; onSaved: (unit: UnitRecord) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // The dialog keeps one form store between openings: `clearOnDestroy` empties it when the dialog closes,
  // so the next opening starts from its own initial values, not the last record's.
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const editing = mode?.kind === 'edit' ? mode.unit : null;
  const initial: Partial<Values> = editing
    ? { code: editing.code, name: editing.name, parentId: editing.parentId ?? BUREAU }
    : { parentId: mode?.kind === 'create' ? mode.parentId ?? BUREAU : BUREAU };

  const save = async (v: Values) => {
    const parentId = v.parentId === BUREAU ? null : v.parentId;
    setBusy(true);
    try {
      const body = { code: v.code.trim(), name: v.name.trim(), parentId };
      const unit = await unwrap(
        editing
          ? client.PATCH('/api/units/{id}', { params: { path: { id: editing.id } }, body: changed(editing, body) })
          : client.POST('/api/units', { body }),
      );
      rememberUnits([unit]);
      message.success(t(editing ? 'units.updated' : 'units.created', { name: unit.name }));
      onSaved(unit);
    } catch (e) {
      const onFields = fieldErrors(e, ['code', 'name', 'parentId']);
      if (onFields.length > 0) form.setFields(onFields);
      else message.error(e instanceof ApiError ? e.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={mode !== null}
      title={t(editing ? 'units.edit' : 'units.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'unit-save' } }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} data-testid="unit-form" clearOnDestroy>
        <Form.Item name="code" label={t('units.code')} rules={[{ required: true, whitespace: true, message: t('units.codeRequired') }]}>
          <Input data-testid="unit-code" maxLength={50} />
        </Form.Item>
        <Form.Item name="name" label={t('units.name')} rules={[{ required: true, whitespace: true, message: t('units.nameRequired') }]}>
          <Input data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.parent')} rules={[{ required: true }]}>
          <UnitSelect activeOnly extra={[{ value: BUREAU, label: t('unit.bureau') }]} exclude={editing?.id} testId="unit-parent" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Only what changed goes in the PATCH (the server refuses an empty one, and a same-name check is not re-run for nothing). */
function changed(unit: UnitRecord, body: { code: string; name: string; parentId: string | null }): Partial<typeof body> {
  const out: Partial<typeof body> = {};
  if (body.code !== unit.code) out.code = body.code;
  if (body.name !== unit.name) out.name = body.name;
  if (body.parentId !== unit.parentId) out.parentId = body.parentId;
  return Object.keys(out).length > 0 ? out : { name: body.name };
}
