/**
 * What is typed into a rectification form (an answer, a reason, a results application), kept in the
 * tab's sessionStorage under `key` while it is typed: a refused step (409: someone acted meanwhile),
 * a reload, the drawer closed and opened again lose nothing. `clear` once the step is done.
 */
import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'jixiao.rectDraft.';

function read<T>(key: string, initial: T): T {
  try {
    const text = sessionStorage.getItem(PREFIX + key);
    return text === null ? initial : ({ ...initial, ...(JSON.parse(text) as Partial<T>) } as T);
  } catch {
    return initial;
  }
}

export function useStoredDraft<T extends object>(key: string, initial: T): [T, (change: Partial<T>) => void, () => void] {
  const [draft, setDraft] = useState<T>(() => read(key, initial));
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) return;
    try {
      sessionStorage.setItem(PREFIX + key, JSON.stringify(draft));
    } catch {
      // private mode or full: the draft stays in the component
    }
  }, [key, draft, dirty]);
  const change = useCallback((part: Partial<T>) => {
    setDirty(true);
    setDraft((d) => ({ ...d, ...part }));
  }, []);
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(PREFIX + key);
    } catch {
      // nothing stored
    }
    setDirty(false);
    setDraft(initial);
    // `initial` is the blank form: the same words each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return [draft, change, clear];
}
