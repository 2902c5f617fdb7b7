/**
 * The organisation as a tree that is read as it is opened: one page of departments (`?parent=root`),
 * and the units below a unit once the admin expands it (`?parent=ID`). A province has thousands of
 * units: never the whole tree at once. After a change, every part in view is read again.
 */
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { client, unwrap } from '../../../api/client.ts';
import { keys } from '../../../api/queries.ts';
import type { UnitRecord } from '../../../api/types.ts';
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

/** One page of units under `parent` (`root`: the departments), remembered for the unit selects. */
async function unitsBelow(parent: string, limit: number, offset: number, signal: AbortSignal) {
  const answer = await unwrap(client.GET('/api/units', { params: { query: { parent, limit, offset } }, signal }));
  rememberUnits(answer.items);
  return answer;
}

export function useUnitTree(pageSize: number) {
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<string[]>([]);
  const queries = useQueryClient();
  const roots = useQuery({
    queryKey: keys.unitList('below', { parent: 'root', page, pageSize }),
    queryFn: ({ signal }) => unitsBelow('root', pageSize, (page - 1) * pageSize, signal),
    placeholderData: keepPreviousData,
  });
  // The units below each opened unit; one closed and opened again shows what was read, asked again if changed since.
  const opened = useQueries({
    queries: expanded.map((id) => ({
      queryKey: keys.unitList('below', { parent: id, page: 1, pageSize: BELOW_LIMIT }),
      queryFn: ({ signal }: { signal: AbortSignal }) => unitsBelow(id, BELOW_LIMIT, 0, signal),
    })),
  });
  const below: Record<string, Below> = {};
  expanded.forEach((id, i) => {
    const q = opened[i];
    if (q?.data) below[id] = { items: q.data.items, total: q.data.total };
    else if (q?.isPending) below[id] = 'loading';
  });

  const toggle = useCallback((id: string, open: boolean) => {
    setExpanded((ids) => (open ? [...new Set([...ids, id])] : ids.filter((k) => k !== id)));
  }, []);

  /** After a change: the page of departments and every list of units below that was read. */
  const refresh = useCallback(() => void queries.invalidateQueries({ queryKey: keys.units }), [queries]);

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
    loading: roots.isFetching,
    page,
    setPage,
    expanded,
    toggle,
    refresh,
  };
}
