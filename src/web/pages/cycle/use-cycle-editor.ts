/**
 * The editing state of a targets or monitoring document: the document as typed, its version, and
 * the evaluation editor's autosave (editor/autosave.ts: debounced PUT with the version, retried
 * while the network or the server fails, a 409 kept as a conflict until the user takes the
 * server's). The findings follow every edit from the core's own checks (the same the server runs).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../../core/checks/finding.ts';
import { ApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';
import { Autosave, type AutosaveStatus } from '../editor/autosave.ts';
import type { CycleKind } from './cycle-kinds.ts';

interface Options<D> {
  kind: CycleKind;
  id: string;
  initial: { document: D; version: number };
  editable: boolean;
  /** The PUT of the kind; rejects with the ApiError. */
  put: (document: D, version: number) => Promise<{ version: number }>;
  /** The core's checks of the kind. */
  check: (document: D) => Finding[];
  /** A reason the document cannot be sent as it stands (a blank weight), or null. */
  incomplete?: (document: D) => string | null;
}

export function useCycleEditor<D>({ kind, id, initial, editable, put, check, incomplete }: Options<D>) {
  const queries = useQueryClient();
  const [document, setDocument] = useState(initial.document);
  const latest = useRef(initial.document);
  const saver = useRef<Autosave<D> | null>(null);
  if (saver.current === null) {
    saver.current = new Autosave<D>({
      document: initial.document,
      version: initial.version,
      onStatus: (s) => setStatus(s),
      put: async (doc, version) => {
        const why = incomplete?.(doc) ?? null;
        // Not sent: the server would refuse it; the cell says what is missing, the save note repeats it.
        if (why !== null) throw new ApiError(400, 'INCOMPLETE', why, null, null);
        try {
          const saved = await put(doc, version);
          void queries.invalidateQueries({ queryKey: keys.cycleList(kind, {}).slice(0, 3) });
          void queries.invalidateQueries({ queryKey: keys.cycleDocument(kind, id, 'versions') });
          return saved;
        } catch (e) {
          // The server's copy under the evaluation's name, which the autosave's conflict reads.
          if (e instanceof ApiError && e.code === 'VERSION_CONFLICT' && e.body) throw new ApiError(409, e.code, e.message, { ...e.body, evaluation: e.body[kind] }, null);
          throw e;
        }
      },
    });
  }
  const autosave = saver.current;
  const [status, setStatus] = useState<AutosaveStatus<D>>(() => autosave.current);

  // Read again after a step: the server's document, unless something typed is still unsaved.
  useEffect(() => {
    if (autosave.reset(initial.document, initial.version)) {
      latest.current = initial.document;
      setDocument(initial.document);
    }
  }, [autosave, initial]);

  useEffect(() => {
    autosave.start();
    const warn = (e: BeforeUnloadEvent) => {
      if (autosave.pending) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      autosave.stop();
    };
  }, [autosave]);

  const change = useCallback((update: (d: D) => D) => {
    const next = update(latest.current);
    latest.current = next;
    setDocument(next);
    autosave.edit(next);
  }, [autosave]);

  const takeTheirs = useCallback(() => {
    const theirs = autosave.takeTheirs();
    if (theirs) {
      latest.current = theirs;
      setDocument(theirs);
    }
  }, [autosave]);

  const findings = useMemo(() => check(document), [check, document]);
  return {
    document,
    findings,
    change: editable ? change : undefined,
    saveState: status.state,
    saveError: status.error,
    flush: () => autosave.flush(),
    takeTheirs,
    version: () => autosave.baseVersion,
  };
}

export type CycleEditor<D> = ReturnType<typeof useCycleEditor<D>>;
