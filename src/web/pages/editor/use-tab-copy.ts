/**
 * The tab's copy of what one user typed into one document and the server does not have
 * (local-copy.ts), as an editor uses it: read on opening and compared with the server's document
 * (offered back, shown in the conflict dialog, or said to be unsavable), then kept following the
 * autosave. The evaluation editor (use-editor.ts) and the cycle editor (cycle/use-cycle-editor.ts)
 * both open with it: one way of not losing what was typed when a page is left or a session ends.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import { compareWithServer, sessionCopies, UnsavedCopy, type Opening } from './local-copy.ts';

/** A copy found on opening that waits for the user: offered back, or shown as unsavable (the document is read-only now). */
export type PendingCopy<D = Evaluation> = Extract<Opening<D>, { kind: 'offer' | 'readonly' }>;

export interface TabCopyOptions<D> {
  /** Who edits: the copy is theirs. */
  user: string;
  /** The document's key in the tab (an evaluation's id; `targets/ID`, `monitoring/ID`). */
  key: string;
  /** The server's document as opened. */
  initial: { document: D; version: number };
  /** The document can be edited now (a copy found can be restored only then). */
  editable: boolean;
  /** Two documents that read the same on the form. */
  sameContent: (a: D, b: D) => boolean;
}

export function useTabCopy<D>({ user, key, initial, editable, sameContent }: TabCopyOptions<D>) {
  const [copy] = useState(() => new UnsavedCopy<D>(sessionCopies(), user, key));
  const [opening] = useState(() => compareWithServer(copy.read(), { version: initial.version, document: initial.document, editable }, sameContent));
  const [pendingCopy, setPendingCopy] = useState<PendingCopy<D> | null>(() => (opening.kind === 'offer' || opening.kind === 'readonly' ? opening : null));
  /** When the copy shown in the conflict dialog was typed (the conflict is the opening's, not a 409's). */
  const [copyConflictAt, setCopyConflictAt] = useState<string | null>(() => (opening.kind === 'conflict' ? opening.copy.savedAt : null));
  copy.held = pendingCopy !== null;

  // The server holds what the copy found holds: nothing to restore.
  useEffect(() => {
    if (opening.kind === 'same') copy.remove();
  }, [copy, opening]);

  /** The copy found goes into the document through `change` (as unsaved edits: the autosave sends it). */
  const restoreCopy = useCallback(
    (change: (update: (d: D) => D) => void) => {
      if (pendingCopy?.kind !== 'offer') return;
      const restored = pendingCopy.copy.document;
      copy.held = false;
      setPendingCopy(null);
      change(() => restored);
    },
    [pendingCopy, copy],
  );

  /** The user drops the copy found on opening. */
  const discardCopy = useCallback(() => {
    copy.held = false;
    copy.remove();
    setPendingCopy(null);
  }, [copy]);

  /** The user chose after the opening's conflict: the dialog's note about the copy goes. */
  const conflictDecided = useCallback(() => setCopyConflictAt(null), []);

  return {
    copy,
    /** The document typed when the opening found a copy on a version the server has moved on from (mine, in the conflict). */
    conflicting: opening.kind === 'conflict' ? opening.copy.document : null,
    pendingCopy,
    restoreCopy,
    discardCopy,
    copyConflictAt,
    conflictDecided,
  };
}
