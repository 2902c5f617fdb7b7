/**
 * A list read from its start a page at a time, each page added below the last (a timeline: the
 * audit log, oldest first). `key` names the list (a new one starts again); `refresh` asks again
 * for what is shown, keeping as many entries as were loaded (up to the server's 500 a request).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types.ts';

const MAX_LIMIT = 500;

export interface LoadMore<T> {
  items: T[];
  total: number;
  loading: boolean;
  error: Error | null;
  /** Loaded at least once. */
  loaded: boolean;
  more: () => void;
}

export function useLoadMore<T>(fetchPage: (limit: number, offset: number) => Promise<Page<T>>, key: string, refresh: number, pageSize = 50): LoadMore<T> {
  const [state, setState] = useState<{ key: string; items: T[]; total: number; loading: boolean; error: Error | null; loaded: boolean }>({ key, items: [], total: 0, loading: true, error: null, loaded: false });
  // The request in flight: an answer to an older one is dropped.
  const asked = useRef(0);
  const shown = state.key === key ? state.items.length : 0;

  const load = useCallback(
    (limit: number, offset: number, append: boolean) => {
      const ticket = ++asked.current;
      setState((s) => ({ ...s, loading: true }));
      fetchPage(limit, offset).then(
        (page) => {
          if (ticket !== asked.current) return;
          setState((s) => ({ key, items: append && s.key === key ? [...s.items, ...page.items] : page.items, total: page.total, loading: false, error: null, loaded: true }));
        },
        (error: unknown) => {
          if (ticket !== asked.current) return;
          setState((s) => ({ ...s, loading: false, error: error instanceof Error ? error : new Error(String(error)) }));
        },
      );
    },
    // `fetchPage` is a fresh closure each render; `key` says when it means another list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    // A refresh keeps what was shown (a save adds an entry at the end: it appears if it is within reach).
    load(Math.min(MAX_LIMIT, Math.max(pageSize, shown)), 0, false);
    // `shown` is read, not watched: only a new list or a refresh asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load, refresh]);

  const items = state.key === key ? state.items : [];
  return {
    items,
    total: state.key === key ? state.total : 0,
    loading: state.loading,
    error: state.error,
    loaded: state.loaded && state.key === key,
    more: () => load(pageSize, items.length, true),
  };
}
