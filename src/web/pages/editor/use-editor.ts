/**
 * The editor's state: the evaluation as edited, the version it is based on, and autosave — a
 * debounced PUT with the version; on 409 the server's current version is kept aside until the
 * preparer chooses (keep mine, take theirs). Derived values (rate, totals, grade) follow every edit:
 * the core's `derive` computes the document and its report once per change, passed down from here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { derive, type Derived } from '../../../core/checks/derive.ts';
import { evaluate } from '../../../core/checks/run-checks.ts';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import type { Template } from '../../../core/templates/template.ts';
import { api, ApiError } from '../../api/client.ts';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';
export interface Conflict {
  version: number;
  evaluation: Evaluation;
}

const AUTOSAVE_DELAY_MS = 1200;

/** A form as loaded or taken from a conflict: reported as it stands, nothing derived until an edit. */
function asStated(evaluation: Evaluation, template: Template): Derived {
  return { evaluation, report: evaluate(evaluation, template) };
}

export function useEditor(id: string, initial: { evaluation: Evaluation; version: number }, template: Template) {
  const [current, setCurrent] = useState(() => asStated(initial.evaluation, template));
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const latest = useRef(initial.evaluation);
  const version = useRef(initial.version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const dirty = useRef(false);

  // A reload from the server (after a transition) starts over from its answer.
  useEffect(() => {
    latest.current = initial.evaluation;
    version.current = initial.version;
    dirty.current = false;
    setCurrent(asStated(initial.evaluation, template));
    setSaveState('saved');
  }, [initial, template]);

  const save = useCallback(async (): Promise<void> => {
    if (inflight.current) await inflight.current;
    if (!dirty.current) return;
    const sent = latest.current;
    dirty.current = false;
    setSaveState('saving');
    const run = api
      .put<{ version: number }>(`/api/evaluations/${id}`, { version: version.current, evaluation: sent })
      .then((res) => {
        version.current = res.version;
        setSaveError(null);
        setSaveState(dirty.current ? 'dirty' : 'saved');
      })
      .catch((e: unknown) => {
        dirty.current = true;
        const err = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e), null, null);
        if (err.status === 409 && err.body && typeof err.body['version'] === 'number') {
          setConflict({ version: err.body['version'], evaluation: err.body['evaluation'] as Evaluation });
          setSaveState('conflict');
        } else {
          setSaveError(err);
          setSaveState('error');
        }
      })
      .finally(() => {
        inflight.current = null;
      });
    inflight.current = run;
    await run;
  }, [id]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void save();
    }, AUTOSAVE_DELAY_MS);
  }, [save]);

  const change = useCallback(
    (update: (e: Evaluation) => Evaluation) => {
      const next = derive(update(latest.current), template);
      latest.current = next.evaluation;
      dirty.current = true;
      setCurrent(next);
      setSaveState((s) => (s === 'conflict' ? s : 'dirty'));
      if (!conflict) schedule();
    },
    [template, schedule, conflict],
  );

  /** Save now (before a transition or leaving); resolves when the server has it. */
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await save();
  }, [save]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    version.current = conflict.version;
    dirty.current = true;
    setConflict(null);
    void save();
  }, [conflict, save]);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    version.current = conflict.version;
    latest.current = conflict.evaluation;
    dirty.current = false;
    setCurrent(asStated(conflict.evaluation, template));
    setConflict(null);
    setSaveState('saved');
  }, [conflict, template]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // Leaving with unsaved edits: the browser asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return { evaluation: current.evaluation, report: current.report, change, saveState, saveError, conflict, keepMine, takeTheirs, flush, version: () => version.current };
}
