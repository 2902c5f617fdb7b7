/**
 * Choosing a unit among thousands: a search box over GET /api/units (`?q=`, the first 20 by code),
 * asked as the user types, not a list loaded whole. `activeOnly` leaves disabled units out where
 * the choice is for new work (a new user, a unit's parent). `extra` choices come first (all units;
 * directly under the finance bureau). Works as a Form.Item control (value, onChange).
 */
import { Select, Space, Spin, Tag } from 'antd';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { client, unwrap } from '../api/client.ts';
import type { UnitRecord } from '../api/types.ts';
import { useI18n } from '../locale/i18n.tsx';
import { knownUnit, loadUnit, rememberUnits } from './unit-cache.ts';

const SHOWN = 20;
/** Wait this long after the last key before asking (ms). */
const TYPING = 250;

export interface UnitSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  activeOnly?: boolean;
  extra?: readonly { value: string; label: string }[];
  /** A unit not to offer (a unit cannot move under itself). */
  exclude?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  className?: string;
  testId?: string;
}

export function UnitSelect({ id, value, onChange, activeOnly, extra = [], exclude, placeholder, allowClear, disabled, style, className, testId }: UnitSelectProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ items: UnitRecord[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [chosen, setChosen] = useState<UnitRecord | null>(() => (value ? knownUnit(value) ?? null : null));

  // The chosen unit's name, for a value that came from outside (the address, a record being edited).
  useEffect(() => {
    if (!value || extra.some((e) => e.value === value)) return setChosen(null);
    let live = true;
    void loadUnit(value).then((u) => live && setChosen(u));
    return () => {
      live = false;
    };
    // `extra` is a fresh array each render; only a new value asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  // Asked only while the list is open, once the typing has paused; a late answer is dropped.
  useEffect(() => {
    if (!open) return;
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      unwrap(client.GET('/api/units', { params: { query: { q: search.trim(), disabled: activeOnly ? 'false' : undefined, limit: SHOWN } } }))
        .then((page) => {
          if (!live) return;
          rememberUnits(page.items);
          setFound({ items: page.items, total: page.total });
        })
        .catch(() => live && setFound({ items: [], total: 0 }))
        .finally(() => live && setLoading(false));
    }, search ? TYPING : 0);
    return () => {
      live = false;
      clearTimeout(timer);
      // A question dropped (closed, or a newer one asked) is not loading any more.
      setLoading(false);
    };
  }, [open, search, activeOnly]);

  const options = useMemo(() => {
    const units = (found?.items ?? []).filter((u) => u.id !== exclude);
    // The chosen unit stays among the options so that the box shows its name.
    if (chosen && !units.some((u) => u.id === chosen.id)) units.unshift(chosen);
    return [
      ...(search ? [] : extra.map((e) => ({ value: e.value, label: e.label, unit: null as UnitRecord | null }))),
      ...units.map((u) => ({ value: u.id, label: u.name, unit: u as UnitRecord | null })),
    ];
  }, [found, chosen, extra, exclude, search]);
  const more = found ? found.total - found.items.length : 0;

  return (
    <Select<string, (typeof options)[number]>
      id={id}
      // Named for assistive technology by what it asks for (a Select has no visible label of its own).
      aria-label={placeholder ?? t('list.col.unit')}
      // A blank value shows the blank extra choice (all units) where there is one, else the placeholder.
      value={value || (value === '' && extra.some((e) => e.value === '') ? '' : undefined)}
      onChange={(v) => {
        setSearch('');
        onChange?.(v);
      }}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setSearch('');
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      optionRender={(o) => <UnitOption label={String(o.label)} unit={o.data.unit} />}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : t('unit.none')}
      popupRender={(menu) => (
        <>
          {menu}
          {more > 0 && !loading && <div className="unit-select-more muted">{t('unit.more', { count: more })}</div>}
        </>
      )}
      placeholder={placeholder ?? t('unit.select')}
      allowClear={allowClear}
      disabled={disabled}
      style={style}
      className={className}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}

function UnitOption({ label, unit }: { label: string; unit: UnitRecord | null }) {
  const { t } = useI18n();
  if (!unit) return <span>{label}</span>;
  return (
    <Space size={6} data-testid="unit-option" data-unit-id={unit.id} data-code={unit.code}>
      <span className="unit-code">{unit.code}</span>
      <span>{unit.name}</span>
      {unit.disabled && <Tag>{t('unit.disabledTag')}</Tag>}
    </Space>
  );
}
