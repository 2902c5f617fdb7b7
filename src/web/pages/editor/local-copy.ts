/**
 * What the preparer typed and the server does not have yet, kept in the tab's sessionStorage, so
 * that it outlives the editor: a session that ends (401: idle, 12 hours, the password changed
 * elsewhere) takes the user to the login page, and the editor with its state is gone. The copy is
 * written while there are unsaved edits and removed once the server has them (or the user drops them).
 *
 * One entry per user and form (`jixiao.unsaved:<user>:<form>`, each part URI-encoded): the document,
 * the server version it was typed on, and when. Only those fields, built by name: never a password,
 * a token or a cookie (the session's are HttpOnly or held in memory, and none is part of a form). sessionStorage, not
 * localStorage: the copy stays in the tab it was typed in and goes when the tab is closed.
 *
 * Size: a form is a few hundred KB at most; a copy over `MAX_COPY_BYTES` (as the storage counts it:
 * two bytes a UTF-16 unit) is not written (a console warning says so), nor when the storage refuses
 * (quota, private mode): the editor goes on, the copy is an aid and never stops typing.
 *
 * When the editor opens a form with a copy of this user (`compareWithServer`):
 *   - the server holds the same content: nothing to restore, the copy is removed;
 *   - the server is still on the copy's version: the user is offered to restore it or drop it;
 *   - the server moved on: the copy and the server's form go to the conflict dialog (keep mine / take theirs);
 *   - the form is no longer editable: the user is told, and may drop it.
 */
import type { Evaluation } from '../../../core/model/evaluation.ts';
import type { SaveState } from './autosave.ts';

export const MAX_COPY_BYTES = 2 * 1024 * 1024;
const PREFIX = 'jixiao.unsaved:';
const FORMAT = 1;

/** The part of the Web Storage API used here (tests pass a map). */
export interface CopyStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

export interface LocalCopy<D = Evaluation> {
  format: typeof FORMAT;
  user: string;
  evaluation: string;
  /** The server version the document was typed on. */
  baseVersion: number;
  /** When it was written (ISO). */
  savedAt: string;
  document: D;
}

export type WriteResult = 'stored' | 'too-large' | 'refused' | 'no-storage';

export interface CopyLog {
  warn: (...args: unknown[]) => void;
}

/** The tab's sessionStorage, or null where the browser has none or refuses it. */
export function sessionCopies(): CopyStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function copyKey(user: string, evaluation: string): string {
  return `${PREFIX}${encodeURIComponent(user)}:${encodeURIComponent(evaluation)}`;
}

/** The bytes the storage holds for `text` (UTF-16). */
export const storedBytes = (text: string): number => text.length * 2;

/**
 * Writes the copy of `document` (typed on `baseVersion`) of `user` and form `evaluation`. A copy too
 * large, or refused by the storage, is not written: a warning, and the previous copy (if any) stays
 * (what it holds was typed too).
 */
export function writeCopy<D>(
  storage: CopyStorage | null,
  entry: { user: string; evaluation: string; baseVersion: number; document: D; now?: Date },
  log: CopyLog = console,
): WriteResult {
  if (!storage) return 'no-storage';
  const copy: LocalCopy<D> = {
    format: FORMAT,
    user: entry.user,
    evaluation: entry.evaluation,
    baseVersion: entry.baseVersion,
    savedAt: (entry.now ?? new Date()).toISOString(),
    document: entry.document,
  };
  const text = JSON.stringify(copy);
  const bytes = storedBytes(text);
  if (bytes > MAX_COPY_BYTES) {
    log.warn(`jixiao: the unsaved copy of form ${entry.evaluation} is ${bytes} bytes, over ${MAX_COPY_BYTES}: not kept in sessionStorage`);
    return 'too-large';
  }
  try {
    storage.setItem(copyKey(entry.user, entry.evaluation), text);
    return 'stored';
  } catch (e) {
    log.warn(`jixiao: sessionStorage refused the unsaved copy of form ${entry.evaluation}`, e);
    return 'refused';
  }
}

/** The copy of `user` and form `evaluation`, or null (none, unreadable, or not theirs: an unreadable one is removed). */
export function readCopy<D = Evaluation>(storage: CopyStorage | null, user: string, evaluation: string): LocalCopy<D> | null {
  if (!storage) return null;
  const key = copyKey(user, evaluation);
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return null;
  }
  if (text === null) return null;
  const copy = parse<D>(text);
  if (copy && copy.user === user && copy.evaluation === evaluation) return copy;
  removeCopy(storage, user, evaluation);
  return null;
}

export function removeCopy(storage: CopyStorage | null, user: string, evaluation: string): void {
  try {
    storage?.removeItem(copyKey(user, evaluation));
  } catch {
    // A storage that refuses to remove refuses to hold: nothing to do.
  }
}

/** Whether the tab holds any unsaved copy (of whoever): the login page says it is kept. */
export function hasAnyCopy(storage: CopyStorage | null): boolean {
  if (!storage) return false;
  try {
    for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith(PREFIX)) return true;
  } catch {
    return false;
  }
  return false;
}

function parse<D>(text: string): LocalCopy<D> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ok =
    v['format'] === FORMAT &&
    typeof v['user'] === 'string' &&
    typeof v['evaluation'] === 'string' &&
    typeof v['baseVersion'] === 'number' &&
    Number.isInteger(v['baseVersion']) &&
    typeof v['savedAt'] === 'string' &&
    typeof v['document'] === 'object' &&
    v['document'] !== null;
  return ok ? (v as unknown as LocalCopy<D>) : null;
}

/** What the editor does with a copy found on opening a form. */
export type Opening<D = Evaluation> =
  | { kind: 'none' }
  /** The server holds what the copy holds: the copy is removed, nothing shown. */
  | { kind: 'same' }
  /** The server is still on the copy's version: restore or drop (the user chooses). */
  | { kind: 'offer'; copy: LocalCopy<D> }
  /** The server moved on: the conflict dialog (mine: the copy; theirs: the server's). */
  | { kind: 'conflict'; copy: LocalCopy<D> }
  /** The form cannot be edited now: the copy cannot be saved; the user is told and may drop it. */
  | { kind: 'readonly'; copy: LocalCopy<D> };

export function compareWithServer<D>(
  copy: LocalCopy<D> | null,
  server: { version: number; document: D; editable: boolean },
  sameContent: (a: D, b: D) => boolean,
): Opening<D> {
  if (!copy) return { kind: 'none' };
  if (sameContent(copy.document, server.document)) return { kind: 'same' };
  if (!server.editable) return { kind: 'readonly', copy };
  return copy.baseVersion === server.version ? { kind: 'offer', copy } : { kind: 'conflict', copy };
}

/** What `UnsavedCopy.follow` reads of the autosave (autosave.ts). */
export interface SaverView<D> {
  readonly current: { readonly state: SaveState };
  readonly document: D;
  readonly baseVersion: number;
}

/**
 * The copy of one user's form, following the autosave: written (document and base version) while
 * something typed is not on the server — dirty, saving, retrying, offline, refused, in conflict —
 * and removed once it is saved (or the user took the server's form after a conflict). While `held`
 * (a copy found on opening, the user not having chosen yet), the copy stays as it was found.
 */
export class UnsavedCopy<D = Evaluation> {
  /** A copy found on opening is waiting for the user's choice: left as it is. */
  held = false;
  private saver: SaverView<D> | null = null;
  private queued = false;

  constructor(
    private readonly storage: CopyStorage | null,
    readonly user: string,
    readonly evaluation: string,
    private readonly log: CopyLog = console,
    private readonly now: () => Date = () => new Date(),
  ) {}

  read(): LocalCopy<D> | null {
    return readCopy<D>(this.storage, this.user, this.evaluation);
  }

  /**
   * After an edit, or any change of the autosave's state: the copy follows once the code that
   * called has run (one write for a keystroke that also changed the state). `saved` is the one state
   * in which the server has all that was typed (the autosave says it only then); in every other
   * one, something typed is not on the server, and the copy is written.
   */
  follow(saver: SaverView<D>): void {
    this.saver = saver;
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.apply();
    });
  }

  private apply(): void {
    const saver = this.saver;
    if (this.held || !saver) return;
    if (saver.current.state === 'saved') this.remove();
    else writeCopy(this.storage, { user: this.user, evaluation: this.evaluation, baseVersion: saver.baseVersion, document: saver.document, now: this.now() }, this.log);
  }

  remove(): void {
    removeCopy(this.storage, this.user, this.evaluation);
  }
}
