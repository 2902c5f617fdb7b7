/**
 * The editing state of a targets or monitoring document: the document as typed, its version, and
 * the evaluation editor's autosave (editor/autosave.ts: debounced PUT with the version, retried
 * while the network or the server fails, a 409 kept as a conflict until the user takes the
 * server's, or keep mine). The findings follow every edit from the core's own checks (the same the
 * server runs). What was typed and not saved is kept in the tab as the evaluation editor keeps it
 * (editor/use-tab-copy.ts: offered back on opening, or shown against the server's in the conflict
 * dialog), and leaving by a link or logging out saves it first (CycleShell: editor/use-leave-guard.ts).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../../core/checks/finding.ts';
import { ApiError } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';
import { diffEvaluations } from '../../form/diff.ts';
import { Autosave, type AutosaveStatus } from '../editor/autosave.ts';
import { useTabCopy } from '../editor/use-tab-copy.ts';
import type { CycleKind } from './cycle-kinds.ts';

interface Options<D> {
  kind: CycleKind;
  id: string;
  /** Who edits: the tab's copy of what they typed and did not get saved is theirs. */
  user: string;
  initial: { document: D; version: number };
  editable: boolean;
  /** The PUT of the kind; rejects with the ApiError. */
  put: (document: D, version: number) => Promise<{ version: number }>;
  /** The core's checks of the kind. */
  check: (document: D) => Finding[];
  /** A reason the document cannot be sent as it stands (a blank weight), or null. */
  incomplete?: (document: D) => string | null;
}

const sameContent = (a: unknown, b: unknown) => diffEvaluations(a, b).length === 0;

export function useCycleEditor<D>({ kind, id, user, initial, editable, put, check, incomplete }: Options<D>) {
  const queries = useQueryClient();
  const tabCopy = useTabCopy<D>({ user, key: `${kind}/${id}`, initial, editable, sameContent });
  const { copy, conflicting } = tabCopy;
  const [document, setDocument] = useState(conflicting ?? initial.document);
  const latest = useRef(conflicting ?? initial.document);
  const saver = useRef<Autosave<D> | null>(null);
  if (saver.current === null) {
    const autosave: Autosave<D> = new Autosave<D>({
      // A copy typed on a version the server has moved on from: the conflict dialog, mine being the copy.
      ...(conflicting !== null ? { document: conflicting, conflict: { version: initial.version, evaluation: initial.document } } : { document: initial.document }),
      version: initial.version,
      onStatus: (s) => {
        setStatus(s);
        copy.follow(autosave);
      },
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
    saver.current = autosave;
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
    copy.follow(autosave);
  }, [autosave, copy]);

  const { conflictDecided, restoreCopy: restoreWith } = tabCopy;
  const takeTheirs = useCallback(() => {
    conflictDecided();
    const theirs = autosave.takeTheirs();
    if (theirs) {
      latest.current = theirs;
      setDocument(theirs);
    }
  }, [autosave, conflictDecided]);

  const keepMine = useCallback(() => {
    conflictDecided();
    autosave.keepMine();
  }, [autosave, conflictDecided]);

  /** The copy found on opening goes into the form as unsaved edits: the autosave sends it. */
  const restoreCopy = useCallback(() => restoreWith(change), [restoreWith, change]);

  const findings = useMemo(() => check(document), [check, document]);
  return {
    document,
    /** The document as the server had it when read (what a copy found on opening is compared with). */
    server: initial.document,
    findings,
    change: editable ? change : undefined,
    saveState: status.state,
    saveError: status.error,
    flush: () => autosave.flush(),
    /** Something typed is not on the server yet, or on its way (leaving saves it first). */
    pending: () => autosave.pending,
    /** The server's document after a 409 (or the opening's conflict), until the user chooses. */
    conflict: status.conflict,
    takeTheirs,
    keepMine,
    /** A copy found on opening, waiting for the user's choice (restore or discard), or null. */
    pendingCopy: tabCopy.pendingCopy,
    restoreCopy,
    discardCopy: tabCopy.discardCopy,
    /** The conflict shown is the copy found on opening (typed then) against the server's document. */
    copyConflictAt: tabCopy.copyConflictAt,
    version: () => autosave.baseVersion,
  };
}

export type CycleEditor<D> = ReturnType<typeof useCycleEditor<D>>;
