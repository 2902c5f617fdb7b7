/**
 * The editor's state: the evaluation as edited, the version it is based on, and autosave
 * (autosave.ts) — a debounced PUT with the version, retried with a growing wait while the network or
 * the server fails; on 409 the server's current version is kept aside until the preparer chooses
 * (keep mine, take theirs). Derived values (rate, totals, grade) follow every edit: the core's
 * `derive` computes the document and its report once per change, passed down from here.
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
import { Autosave, type AutosaveStatus } from './autosave.ts';

export type { Conflict, SaveState } from './autosave.ts';

/** A form as loaded or taken from a conflict: reported as it stands, nothing derived until an edit. */
function asStated(evaluation: Evaluation, template: Template): Derived {
  return { evaluation, report: evaluate(evaluation, template) };
}

const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);

export function useEditor(id: string, initial: { evaluation: Evaluation; version: number }, template: Template) {
  const [current, setCurrent] = useState(() => asStated(initial.evaluation, template));
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'saved', error: null, conflict: null, failures: 0, retryAt: null });
  const queries = useQueryClient();
  // The document as last derived (an edit builds on it at once, not on the last render's).
  const latest = useRef(current);
  const autosave = useRef<Autosave | null>(null);
  if (autosave.current === null) {
    autosave.current = new Autosave<Evaluation>({
      document: initial.evaluation,
      version: initial.version,
      online: isOnline,
      onStatus: setStatus,
      // The autosave shows its failures and tries again by itself: the client's silent retry is not for it.
      put: async (evaluation, version) => {
        const saved = await unwrap(client.PUT('/api/evaluations/{id}', { params: { path: { id } }, body: { version, evaluation }, middleware: [retryPolicy(NO_RETRY)] }));
        // The lists and this form's log and versions are read again; the form itself is not (the editor holds it).
        void queries.invalidateQueries({ queryKey: keys.evaluations });
        for (const part of ['audit', 'versions', 'diff']) void queries.invalidateQueries({ queryKey: keys.evaluationPart(id, part) });
        return saved;
      },
    });
  }
  const saver = autosave.current;
  const show = (derived: Derived) => {
    latest.current = derived;
    setCurrent(derived);
  };

  // A reload from the server (after a transition) starts over from its answer, unless something typed is not saved yet.
  useEffect(() => {
    if (saver.reset(initial.evaluation, initial.version)) show(asStated(initial.evaluation, template));
  }, [saver, initial, template]);

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
    },
    [template, saver],
  );

  /** Save now (before a transition or leaving); resolves when the server has it, rejects with the failure. */
  const flush = useCallback(() => saver.flush(), [saver]);

  const keepMine = useCallback(() => saver.keepMine(), [saver]);

  const takeTheirs = useCallback(() => {
    const theirs = saver.takeTheirs();
    if (theirs) show(asStated(theirs, template));
  }, [saver, template]);

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
    version: () => saver.baseVersion,
  };
}
