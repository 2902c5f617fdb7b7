/** Leaving a form: pending work saved first, the user asked only when the save fails; which clicks are in-app links. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inAppDestination, LeaveGuards, type LeaveGuard } from './use-leave-guard.ts';

function guard(over: Partial<LeaveGuard> & { log?: string[] } = {}): LeaveGuard {
  const log = over.log ?? [];
  return {
    pending: over.pending ?? (() => true),
    flush: over.flush ?? (async () => void log.push('flush')),
    ask: over.ask ?? (async () => (log.push('ask'), false)),
  };
}

test('nothing pending: leaving saves nothing and asks nothing', async () => {
  const guards = new LeaveGuards();
  const log: string[] = [];
  guards.add(guard({ pending: () => false, log }));
  assert.equal(guards.pending, false);
  assert.equal(await guards.mayLeave(), true);
  assert.deepEqual(log, []);
});

test('pending work is saved before leaving, without a question', async () => {
  const guards = new LeaveGuards();
  const log: string[] = [];
  guards.add(guard({ log }));
  assert.equal(guards.pending, true);
  assert.equal(await guards.mayLeave(), true);
  assert.deepEqual(log, ['flush']);
});

test('a failed save asks; staying keeps the user, leaving lets them go', async () => {
  const guards = new LeaveGuards();
  const asked: unknown[] = [];
  let answer = false;
  guards.add(guard({ flush: async () => { throw new Error('无权执行此操作'); }, ask: async (e) => (asked.push((e as Error).message), answer) }));
  assert.equal(await guards.mayLeave(), false);
  answer = true;
  assert.equal(await guards.mayLeave(), true);
  assert.deepEqual(asked, ['无权执行此操作', '无权执行此操作']);
});

test('a guard removed is not asked', async () => {
  const guards = new LeaveGuards();
  const log: string[] = [];
  const remove = guards.add(guard({ log }));
  remove();
  assert.equal(await guards.mayLeave(), true);
  assert.deepEqual(log, []);
});

const plain = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
const link = (href: string, extra: Partial<{ target: string; hasDownload: boolean }> = {}) => ({ href, target: '', hasDownload: false, ...extra });
const here = { origin: 'http://app.test', path: '/evaluations/e1' };

test('an in-app link is caught; new tabs, other sites, downloads and the same page are not', () => {
  assert.equal(inAppDestination(plain, link('http://app.test/evaluations'), here), '/evaluations');
  assert.equal(inAppDestination(plain, link('/dashboard?year=2021'), here), '/dashboard?year=2021');
  assert.equal(inAppDestination({ ...plain, ctrlKey: true }, link('/evaluations'), here), null);
  assert.equal(inAppDestination({ ...plain, button: 1 }, link('/evaluations'), here), null);
  assert.equal(inAppDestination({ ...plain, defaultPrevented: true }, link('/evaluations'), here), null);
  assert.equal(inAppDestination(plain, link('https://elsewhere.test/x'), here), null);
  assert.equal(inAppDestination(plain, link('/api/evaluations/e1/pdf', { hasDownload: true }), here), null);
  assert.equal(inAppDestination(plain, link('/public', { target: '_blank' }), here), null);
  assert.equal(inAppDestination(plain, link('/evaluations/e1'), here), null);
});
