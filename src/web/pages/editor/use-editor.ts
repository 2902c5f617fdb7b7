/**
 * The editor's state: the evaluation as edited, the version it is based on, and autosave
 * (autosave.ts) — a debounced PUT with the version, retried with a growing wait while the network or
 * the server fails; on 409 the server's current version is kept aside until the preparer chooses
 * (keep mine, take theirs). Derived values (rate, totals, grade) follow every edit: the core's
 * `derive` computes the document and its report once per change, passed down from here.
 *
 * What was typed and is not saved is also kept in the tab (local-copy.ts), so that a session that
 * ends (the login page replaces the editor) loses nothing: opening the form again finds it, and
 * offers it back (the server still on its version), or shows it against the server's in the
 * conflict dialog (the server moved on).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { derive, type Derived } from '../../../core/checks/derive.ts';
import { evaluate } from '../../../core/checks/run-checks.ts';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import type { Template } from '../../../core/templates/template.ts';
import { client, unwrap } from '../../api/client.ts';
import { retryPolicy } from '../../api/middleware.ts';
import { keys } from '../../api/queries.ts';
import { NO_RETRY } from '../../api/retry.ts';
import { diffEvaluations } from '../../form/diff.ts';
import { Autosave, type AutosaveStatus } from './autosave.ts';
import { useTabCopy, type PendingCopy } from './use-tab-copy.ts';

export type { Conflict, SaveState } from './autosave.ts';

/** A form as loaded or taken from a conflict: reported as it stands, nothing derived until an edit. */
function asStated(evaluation: Evaluation, template: Template): Derived {
  return { evaluation, report: evaluate(evaluation, template) };
}

const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);

const sameContent = (a: Evaluation, b: Evaluation) => diffEvaluations(a, b).length === 0;

export interface EditorContext {
  /** Who edits: the copy kept in the tab is theirs. */
  user: string;
  /** The form can be edited now (a copy found can be restored only then). */
  editable: boolean;
}

export type { PendingCopy };

export function useEditor(id: string, initial: { evaluation: Evaluation; version: number }, template: Template, { user, editable }: EditorContext) {
  // The copy of what was typed and not saved, and what the opening does with one found.
  const tabCopy = useTabCopy<Evaluation>({ user, key: id, initial: { document: initial.evaluation, version: initial.version }, editable, sameContent });
  const { copy, conflicting } = tabCopy;

  const [current, setCurrent] = useState(() => (conflicting ? derive(conflicting, template) : asStated(initial.evaluation, template)));
  const queries = useQueryClient();
  // The document as last derived (an edit builds on it at once, not on the last render's).
  const latest = useRef(current);
  const autosave = useRef<Autosave | null>(null);
  if (autosave.current === null) {
    const saver: Autosave<Evaluation> = new Autosave<Evaluation>({
      // A copy typed on a version the server has moved on from: the conflict dialog, mine being the copy.
      ...(conflicting
        ? { document: current.evaluation, conflict: { version: initial.version, evaluation: initial.evaluation } }
        : { document: initial.evaluation }),
      version: initial.version,
      online: isOnline,
      onStatus: (status) => {
        setStatus(status);
        copy.follow(saver);
      },
      // The autosave shows its failures and tries again by itself: the client's silent retry is not for it.
      put: async (evaluation, version) => {
        const saved = await unwrap(client.PUT('/api/evaluations/{id}', { params: { path: { id } }, body: { version, evaluation }, middleware: [retryPolicy(NO_RETRY)] }));
        // The lists and this form's log and versions are read again; the form itself is not (the editor holds it).
        void queries.invalidateQueries({ queryKey: keys.evaluations });
        for (const part of ['audit', 'versions', 'diff']) void queries.invalidateQueries({ queryKey: keys.evaluationPart(id, part) });
        return saved;
      },
    });
    autosave.current = saver;
  }
  const [status, setStatus] = useState<AutosaveStatus>(() => autosave.current!.current);
  const saver = autosave.current;
  const show = (derived: Derived) => {
    latest.current = derived;
    setCurrent(derived);
  };

  // A reload from the server (after a transition) starts over from its answer, unless something typed is not saved yet.
  useEffect(() => {
    if (saver.reset(initial.evaluation, initial.version)) show(asStated(initial.evaluation, template));
  }, [saver, initial, template]);

  // The form left the preparer's hands with something typed not saved (its save refused): the
  // server's form is shown, read-only, and what was typed stays in the tab's copy (said so).
  const [unsavedWhenClosed, setUnsavedWhenClosed] = useState<Evaluation | null>(null);
  useEffect(() => {
    if (editable || !saver.pending) return;
    setUnsavedWhenClosed(saver.document);
    show(asStated(initial.evaluation, template));
  }, [editable, saver, initial, template]);

  useEffect(() => {
    saver.start();
    const online = () => saver.online();
    const offline = () => saver.offline();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    // Leaving with unsaved edits: the browser asks first.
    const warn = (e: BeforeUnloadEvent) => {
      if (saver.pending) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('beforeunload', warn);
      saver.stop();
    };
  }, [saver]);

  const change = useCallback(
    (update: (e: Evaluation) => Evaluation) => {
      const next = derive(update(latest.current.evaluation), template);
      show(next);
      saver.edit(next.evaluation);
      copy.follow(saver);
    },
    [template, saver, copy],
  );

  /** Save now (before a transition or leaving); resolves when the server has it, rejects with the failure. */
  const flush = useCallback(() => saver.flush(), [saver]);

  const { conflictDecided, restoreCopy: restoreWith } = tabCopy;
  const keepMine = useCallback(() => {
    conflictDecided();
    saver.keepMine();
  }, [saver, conflictDecided]);

  const takeTheirs = useCallback(() => {
    conflictDecided();
    const theirs = saver.takeTheirs();
    if (theirs) show(asStated(theirs, template));
  }, [saver, template, conflictDecided]);

  /** The copy found on opening goes into the form as unsaved edits: the autosave sends it. */
  const restoreCopy = useCallback(() => restoreWith(change), [restoreWith, change]);

  return {
    evaluation: current.evaluation,
    report: current.report,
    change,
    saveState: status.state,
    saveError: status.error,
    retryAt: status.retryAt,
    conflict: status.conflict,
    keepMine,
    takeTheirs,
    flush,
    /** Something typed is not on the server yet, or on its way (leaving saves it first: use-leave-guard.ts). */
    pending: () => saver.pending,
    /** A copy found on opening, waiting for the user's choice (restore or discard), or null. */
    pendingCopy: tabCopy.pendingCopy,
    restoreCopy,
    discardCopy: tabCopy.discardCopy,
    /** The conflict shown is the copy found on opening (typed then) against the server's form. */
    copyConflictAt: tabCopy.copyConflictAt,
    /** What was typed and not saved when the form stopped being editable (kept in the tab's copy), or null. */
    unsavedWhenClosed,
    version: () => saver.baseVersion,
  };
}
