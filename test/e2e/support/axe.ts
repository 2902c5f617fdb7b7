/**
 * axe-core (the pinned devDependency) run inside a page: its script injected as it ships
 * (axe.min.js), `axe.run` over the whole document, the violations of impact serious or critical
 * returned in a few readable lines each (rule, impact, what it asks, the first elements that fail).
 * The page's context needs `bypassCSP: true`: the app's Content-Security-Policy refuses injected scripts.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the failing elements (the first eight) and axe's summary of the first. */
  targets: string[];
  summary: string;
  /** How many of the failing elements lie inside the printed form (the editor's grid, `.paper`), of how many. */
  inForm: number;
  count: number;
}

/** Longest a page's finite animations may run before axe looks (antd's are 0.2–0.3 s). */
const ANIMATIONS_MS = 5000;

/** How long no finite animation may run before the page counts as still (see animationsDone). */
const QUIET_MS = 300;

/**
 * Waits until no finite CSS animation or transition has run for QUIET_MS: axe reads the colours as
 * they are at that moment, and a drawer fading in has its text half-transparent (a link of 4.03:1
 * that is 8:1 once shown). A moment with none running is not enough: a drawer's motion sets its
 * start state a frame before its transition begins, and on a busy CI machine axe ran in that gap
 * (rectification step 4, at 390), even after a quiet time: an element bearing rc-motion's classes
 * counts as moving too. Endless ones (a spinner) are not waited for.
 */
async function animationsDone(page: Page): Promise<void> {
  // Each wait counts its own quiet time (`call`): one left from an earlier wait says nothing of now.
  const call = Math.random();
  await page.waitForFunction(
    ({ quietMs, call }) => {
      const w = window as unknown as { quiet?: { call: number; since: number | undefined } };
      if (w.quiet?.call !== call) w.quiet = { call, since: undefined };
      // rc-motion's classes are on an element from its start state to its end: moving, even in the
      // frames before its transition runs (a hidden popup that keeps them is not shown, so not counted).
      const inMotion = [...document.querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]')].some((e) => e.getClientRects().length > 0);
      const moving = inMotion || document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
      if (moving) w.quiet.since = undefined;
      else w.quiet.since ??= performance.now();
      return w.quiet.since !== undefined && performance.now() - w.quiet.since >= quietMs;
    },
    { quietMs: QUIET_MS, call },
    { timeout: ANIMATIONS_MS, polling: 50 },
  );
}

/** The serious and critical violations axe finds on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  await animationsDone(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 8).map((n) => n.target.map(String).join(' ')),
        summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/gu, ' ').slice(0, 300),
        inForm: v.nodes.filter((n) => {
          const selector = n.target[0];
          return typeof selector === 'string' && document.querySelector(selector)?.closest('.paper') != null;
        }).length,
        count: v.nodes.length,
      }));
  });
}

/** One line per violation, for an assertion's message. */
export const describeViolations = (problems: readonly AxeProblem[]): string =>
  problems.map((p) => `${p.impact} ${p.id} (${p.count} elements, ${p.inForm} inside the printed form): ${p.help} — ${p.targets.join(' | ')} — ${p.summary}`).join('\n');
