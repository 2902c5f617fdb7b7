/**
 * The organisation as a tree that is read as it is opened: one page of departments (`?parent=root`),
 * and the units below a unit once the admin expands it (`?parent=ID`). A province has thousands of
 * units: never the whole tree at once. After a change, every part in view is read again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, query } from '../../../api/client.ts';
import type { Page, UnitRecord } from '../../../api/types.ts';
import { useLoad } from '../../../api/use-load.ts';
import { rememberUnits } from '../../../units/unit-cache.ts';

/** The most the API gives in one answer: a unit with more below it shows a line saying so. */
const BELOW_LIMIT = 500;

export interface TreeRow extends UnitRecord {
  /** The units below, once read (antd's tree column; `children` is the count the API gives). */
  subunits?: TreeRow[];
  /** A stand-in row: the units below are being read, or there are more than shown. */
  stub?: { kind: 'loading' } | { kind: 'more'; count: number };
}

type Below = { items: UnitRecord[]; total: number } | 'loading';

export function useUnitTree(pageSize: number) {
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const [below, setBelow] = useState<Record<string, Below>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const roots = useLoad(async () => {
    const answer = await api.get<Page<UnitRecord>>(`/api/units${query({ parent: 'root', limit: pageSize, offset: (page - 1) * pageSize })}`);
    rememberUnits(answer.items);
    return answer;
  }, `${page}|${pageSize}|${tick}`);

  // The latest `below`, for refresh to know which parts are in view without depending on it.
  const belowRef = useRef(below);
  useEffect(() => {
    belowRef.current = below;
  }, [below]);

  const loadBelow = useCallback(async (id: string) => {
    setBelow((b) => ({ ...b, [id]: b[id] && b[id] !== 'loading' ? b[id] : 'loading' }));
    try {
      const answer = await api.get<Page<UnitRecord>>(`/api/units${query({ parent: id, limit: BELOW_LIMIT })}`);
      rememberUnits(answer.items);
      setBelow((b) => ({ ...b, [id]: { items: answer.items, total: answer.total } }));
    } catch {
      setBelow(({ [id]: _, ...rest }) => rest);
    }
  }, []);

  const toggle = useCallback(
    (id: string, open: boolean) => {
      setExpanded((keys) => (open ? [...new Set([...keys, id])] : keys.filter((k) => k !== id)));
      if (open && !belowRef.current[id]) void loadBelow(id);
    },
    [loadBelow],
  );

  /** After a change: the page of departments and every list of units below that was read. */
  const refresh = useCallback(() => {
    setTick((n) => n + 1);
    for (const id of Object.keys(belowRef.current)) void loadBelow(id);
  }, [loadBelow]);

  const build = (unit: UnitRecord): TreeRow => {
    if (unit.children === 0) return { ...unit };
    const b = below[unit.id];
    if (b === undefined) return { ...unit, subunits: [] };
    if (b === 'loading') return { ...unit, subunits: [{ ...unit, id: `${unit.id}:loading`, stub: { kind: 'loading' } }] };
    const rows = b.items.map(build);
    if (b.total > b.items.length) rows.push({ ...unit, id: `${unit.id}:more`, stub: { kind: 'more', count: b.total - b.items.length } });
    return { ...unit, subunits: rows };
  };

  return {
    rows: (roots.data?.items ?? []).map(build),
    total: roots.data?.total ?? 0,
    loading: roots.loading,
    page,
    setPage,
    expanded,
    toggle,
    refresh,
  };
}
