/**
 * The copy of what was typed and not saved, kept in the tab (local-copy.ts): one per user and form,
 * only the document, its base version and the time; bounded in size; written while the autosave has
 * something unsaved and removed once saved; and what the editor does with one found on opening.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../api/errors.ts';
import { Autosave } from './autosave.ts';
import { compareWithServer, copyKey, hasAnyCopy, MAX_COPY_BYTES, readCopy, removeCopy, UnsavedCopy, writeCopy, type CopyStorage } from './local-copy.ts';

/** sessionStorage as a map; `refuse` makes setItem throw as a full storage does. */
class MemoryStorage implements CopyStorage {
  readonly items = new Map<string, string>();
  refuse = false;
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

function quietLog() {
  const warnings: string[] = [];
  return { warnings, warn: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')) };
}

const NOW = new Date('2026-03-02T08:15:00Z');
const doc = (remark: string) => ({ project: { name: '金融业务费用' }, indicators: [{ name: '授信金额', remark }] });

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

test('a copy is kept per user and form, with its base version and time, and read back', () => {
  const storage = new MemoryStorage();
  assert.equal(writeCopy(storage, { user: 'u1', evaluation: '7', baseVersion: 3, document: doc('typed'), now: NOW }), 'stored');
  assert.deepEqual(readCopy(storage, 'u1', '7'), { format: 1, user: 'u1', evaluation: '7', baseVersion: 3, savedAt: '2026-03-02T08:15:00.000Z', document: doc('typed') });
  assert.equal(readCopy(storage, 'u2', '7'), null, 'another user does not see it');
  assert.equal(readCopy(storage, 'u1', '8'), null, 'another form has none');
  assert.notEqual(copyKey('u1', '7'), copyKey('u1', '8'));
  assert.notEqual(copyKey('u1', '7'), copyKey('u2', '7'));
  assert.notEqual(copyKey('a:b', 'c'), copyKey('a', 'b:c'), 'the parts of a key cannot run into each other');
  removeCopy(storage, 'u1', '7');
  assert.equal(readCopy(storage, 'u1', '7'), null);
  assert.equal(storage.length, 0);
});

test('only the named fields are stored: no password, token or cookie comes with the document', () => {
  const storage = new MemoryStorage();
  // Whatever else a caller's object holds is not spread into the entry.
  const entry = Object.assign({ user: 'u1', evaluation: '7', baseVersion: 1, document: doc('x'), now: NOW }, { csrfToken: 'secret-token', password: 'secret-pass' });
  writeCopy(storage, entry);
  const text = storage.getItem(copyKey('u1', '7'))!;
  assert.deepEqual(Object.keys(JSON.parse(text)).sort(), ['baseVersion', 'document', 'evaluation', 'format', 'savedAt', 'user']);
  assert.doesNotMatch(text, /secret/u);
});

test('over 2 MB: not stored, a console warning, and the copy written before stays', () => {
  const storage = new MemoryStorage();
  const log = quietLog();
  writeCopy(storage, { user: 'u1', evaluation: '7', baseVersion: 1, document: doc('small'), now: NOW }, log);
  const huge = doc('x'.repeat(MAX_COPY_BYTES / 2));
  assert.equal(writeCopy(storage, { user: 'u1', evaluation: '7', baseVersion: 1, document: huge, now: NOW }, log), 'too-large');
  assert.equal(log.warnings.length, 1);
  assert.match(log.warnings[0]!, /over 2097152/u);
  assert.deepEqual(readCopy(storage, 'u1', '7')?.document, doc('small'));
  // A form of a few hundred KB (Chinese text: two bytes a character in the storage) is kept.
  const large = doc('绩'.repeat(400_000));
  assert.equal(writeCopy(storage, { user: 'u1', evaluation: '7', baseVersion: 1, document: large, now: NOW }, log), 'stored');
});

test('a storage that refuses (full, private mode) or is missing: a warning, nothing thrown', () => {
  const storage = new MemoryStorage();
  storage.refuse = true;
  const log = quietLog();
  assert.equal(writeCopy(storage, { user: 'u1', evaluation: '7', baseVersion: 1, document: doc('x') }, log), 'refused');
  assert.equal(log.warnings.length, 1);
  assert.equal(writeCopy(null, { user: 'u1', evaluation: '7', baseVersion: 1, document: doc('x') }, log), 'no-storage');
  assert.equal(readCopy(null, 'u1', '7'), null);
  assert.equal(hasAnyCopy(null), false);
});

test('an entry that is not a copy (hand-edited, an older format, under the wrong key) is ignored and removed', () => {
  const storage = new MemoryStorage();
  for (const text of ['{', 'null', '"text"', JSON.stringify({ format: 2, user: 'u1', evaluation: '7', baseVersion: 1, savedAt: '', document: {} }), JSON.stringify({ format: 1, user: 'u1', evaluation: '7', baseVersion: '1', savedAt: '', document: {} }), JSON.stringify({ format: 1, user: 'u2', evaluation: '7', baseVersion: 1, savedAt: '', document: {} })]) {
    storage.items.set(copyKey('u1', '7'), text);
    assert.equal(readCopy(storage, 'u1', '7'), null, text);
    assert.equal(storage.items.size, 0, `removed: ${text}`);
  }
});

test('whether the tab holds any copy (the login page says it is kept)', () => {
  const storage = new MemoryStorage();
  storage.setItem('jixiao.lang', 'zh');
  assert.equal(hasAnyCopy(storage), false);
  writeCopy(storage, { user: 'u1', evaluation: '7', baseVersion: 1, document: doc('x') });
  assert.equal(hasAnyCopy(storage), true);
});

test('on opening: same content → nothing; server on the base version → offer; moved on → conflict; not editable → read-only', () => {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const copy = { format: 1 as const, user: 'u1', evaluation: '7', baseVersion: 3, savedAt: NOW.toISOString(), document: doc('typed') };
  assert.deepEqual(compareWithServer(null, { version: 3, document: doc(''), editable: true }, same), { kind: 'none' });
  assert.deepEqual(compareWithServer(copy, { version: 4, document: doc('typed'), editable: true }, same), { kind: 'same' }, 'the save got through, its answer did not');
  assert.deepEqual(compareWithServer(copy, { version: 3, document: doc(''), editable: true }, same), { kind: 'offer', copy });
  assert.deepEqual(compareWithServer(copy, { version: 5, document: doc('theirs'), editable: true }, same), { kind: 'conflict', copy });
  assert.deepEqual(compareWithServer(copy, { version: 3, document: doc(''), editable: false }, same), { kind: 'readonly', copy });
});

/** An autosave on a fake server whose PUTs the test answers, with the copy following it; its timers run when the test says (`pause`). */
function following(storage: MemoryStorage, options: { held?: boolean } = {}) {
  const replies: Array<(reply: { version: number } | ApiError) => void> = [];
  const due = new Map<number, () => void>();
  let handles = 0;
  const timers = {
    now: () => 0,
    set: (run: () => void) => (due.set(++handles, run), handles),
    clear: (handle: unknown) => void due.delete(handle as number),
  };
  const copy = new UnsavedCopy<{ remark: string }>(storage, 'u1', '7', quietLog(), () => NOW);
  copy.held = options.held ?? false;
  const saver: Autosave<{ remark: string }> = new Autosave<{ remark: string }>({
    document: { remark: 'loaded' },
    version: 3,
    timers,
    onStatus: () => copy.follow(saver),
    put: () => new Promise((resolve, reject) => replies.push((reply) => (reply instanceof ApiError ? reject(reply) : resolve(reply)))),
  });
  const edit = (remark: string) => {
    saver.edit({ remark });
    copy.follow(saver);
  };
  /** The typing pauses: the planned save goes. */
  const pause = async () => {
    for (const [handle, run] of [...due]) {
      due.delete(handle);
      run();
    }
    await settle();
  };
  const answer = async (reply: { version: number } | ApiError) => {
    if (replies.length === 0) await pause();
    replies.shift()!(reply);
    await settle();
  };
  const stored = () => readCopy<{ remark: string }>(storage, 'u1', '7');
  return { saver, copy, edit, answer, stored, pause };
}

test('while something typed is not saved the copy holds it (with the version it is typed on); once saved, it is gone', async () => {
  const storage = new MemoryStorage();
  const { saver, edit, answer, stored } = following(storage);
  edit('a');
  assert.equal(stored(), null, 'written once the keystroke has been handled');
  await settle();
  assert.deepEqual([stored()?.document, stored()?.baseVersion], [{ remark: 'a' }, 3]);
  edit('ab');
  await settle();
  assert.deepEqual(stored()?.document, { remark: 'ab' });
  await answer({ version: 4 });
  assert.equal(saver.current.state, 'saved');
  assert.equal(stored(), null, 'saved: no copy');
  saver.stop();
});

test('the session ends (401): the save is refused and the copy stays, as typed', async () => {
  const storage = new MemoryStorage();
  const { saver, edit, answer, stored } = following(storage);
  edit('typed before the session ended');
  await answer(new ApiError(401, 'UNAUTHENTICATED', '请先登录', null, null));
  assert.equal(saver.current.state, 'error');
  // The editor closes (the login page): what is not saved is sent once more, and refused again.
  saver.stop();
  await answer(new ApiError(401, 'UNAUTHENTICATED', '请先登录', null, null));
  assert.deepEqual([stored()?.document, stored()?.baseVersion], [{ remark: 'typed before the session ended' }, 3]);
});

test('a conflict keeps the copy until the user chooses; keep mine moves its base version on; take theirs removes it', async () => {
  const storage = new MemoryStorage();
  const { saver, edit, answer, stored } = following(storage);
  edit('mine');
  await answer(new ApiError(409, 'VERSION_CONFLICT', 'conflict', { error: { code: 'VERSION_CONFLICT', message: 'conflict' }, version: 5, evaluation: { remark: 'theirs' } }, null));
  assert.equal(saver.current.state, 'conflict');
  assert.deepEqual([stored()?.document, stored()?.baseVersion], [{ remark: 'mine' }, 3]);
  saver.keepMine();
  await settle();
  assert.deepEqual([stored()?.document, stored()?.baseVersion], [{ remark: 'mine' }, 5], 'mine, now on their version');
  await answer(new ApiError(409, 'VERSION_CONFLICT', 'conflict', { error: { code: 'VERSION_CONFLICT', message: 'conflict' }, version: 6, evaluation: { remark: 'theirs again' } }, null));
  saver.takeTheirs();
  await settle();
  assert.equal(stored(), null, 'the user chose theirs');
  saver.stop();
});

test('a copy found on opening is left as it is until the user chooses', async () => {
  const storage = new MemoryStorage();
  writeCopy(storage, { user: 'u1', evaluation: '7', baseVersion: 3, document: { remark: 'found' }, now: NOW });
  const { saver, copy, stored, pause } = following(storage, { held: true });
  // The editor takes the server's form on opening: "saved", which would remove a copy that is not held.
  assert.equal(saver.reset({ remark: 'loaded' }, 3), true);
  await settle();
  assert.deepEqual(stored()?.document, { remark: 'found' });
  // Restored: it goes in as an edit, and is the copy until saved.
  copy.held = false;
  saver.edit(copy.read()!.document);
  copy.follow(saver);
  await settle();
  assert.deepEqual(stored()?.document, { remark: 'found' });
  assert.equal(saver.current.state, 'dirty');
  await pause();
  assert.equal(saver.current.state, 'saving', 'the autosave sends it');
  assert.deepEqual(stored()?.document, { remark: 'found' });
});
