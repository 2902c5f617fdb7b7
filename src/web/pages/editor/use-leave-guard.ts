/**
 * Leaving a form with what was typed not yet on the server — a link of the app, logging out —
 * saves it first, and asks only when the save fails (stay, or leave with the text kept in the tab:
 * local-copy.ts offers it back). The router is a plain <BrowserRouter> (no data router, so no
 * `useBlocker`): the app's own links are caught in the capture phase before React Router's
 * handler sees them, and logout asks the registered guards (session.tsx). Closing the tab is the
 * browser's own prompt (use-editor.ts, beforeunload while a save is pending).
 */
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../locale/i18n.tsx';

/** A page with work that leaving must not lose. */
export interface LeaveGuard {
  /** Something typed is not on the server yet (or is on its way). */
  pending(): boolean;
  /** Saves it now; rejects with the failure. */
  flush(): Promise<void>;
  /** The save failed: may the user leave anyway? */
  ask(error: unknown): Promise<boolean>;
}

/** The guards of the pages shown now (one editor, usually). */
export class LeaveGuards {
  private readonly guards = new Set<LeaveGuard>();

  add(guard: LeaveGuard): () => void {
    this.guards.add(guard);
    return () => void this.guards.delete(guard);
  }

  get pending(): boolean {
    return [...this.guards].some((g) => g.pending());
  }

  /** Every pending guard saved (in turn); true when the user may leave: all saved, or a failure and the user chose to leave. */
  async mayLeave(): Promise<boolean> {
    for (const guard of [...this.guards]) {
      if (!guard.pending()) continue;
      try {
        await guard.flush();
      } catch (e) {
        if (!(await guard.ask(e))) return false;
      }
    }
    return true;
  }
}

/** The app's guards: the editor adds its own, logout asks them. */
export const leaveGuards = new LeaveGuards();

/** What a click on a link needs to be an in-app navigation (a subset of MouseEvent and HTMLAnchorElement). */
export interface LinkClick {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}
export interface LinkTarget {
  href: string;
  target: string;
  hasDownload: boolean;
}

/**
 * The path a click on a link goes to inside this app, or null when it is not such a click (another
 * button or a modifier: a new tab; another origin; a download; a target window; the same page).
 */
export function inAppDestination(click: LinkClick, link: LinkTarget, here: { origin: string; path: string }): string | null {
  if (click.defaultPrevented || click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return null;
  if (link.hasDownload || (link.target !== '' && link.target !== '_self')) return null;
  let url: URL;
  try {
    url = new URL(link.href, here.origin);
  } catch {
    return null;
  }
  if (url.origin !== here.origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path === here.path ? null : path;
}

/** Guards the editor: its pending work is saved before an in-app link or logout takes the user away. */
export function useLeaveGuard(editor: { pending: () => boolean; flush: () => Promise<void> }): void {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const latest = useRef(editor);
  latest.current = editor;
  const words = useRef(t);
  words.current = t;

  useEffect(() => {
    const guard: LeaveGuard = {
      pending: () => latest.current.pending(),
      flush: () => latest.current.flush(),
      ask: (error) =>
        new Promise<boolean>((resolve) => {
          const say = words.current;
          modal.confirm({
            title: say('leave.failedTitle'),
            content: say('leave.failedBody', { message: error instanceof Error ? error.message : String(error) }),
            okText: say('leave.go'),
            cancelText: say('leave.stay'),
            okButtonProps: { danger: true, 'data-testid': 'leave-anyway' } as Record<`data-${string}`, string>,
            cancelButtonProps: { 'data-testid': 'leave-stay' } as Record<`data-${string}`, string>,
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          });
        }),
    };
    const remove = leaveGuards.add(guard);
    let leaving = false;
    const onClick = (event: MouseEvent) => {
      if (!guard.pending()) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const here = { origin: window.location.origin, path: `${window.location.pathname}${window.location.search}${window.location.hash}` };
      const to = inAppDestination(event, { href: anchor.href, target: anchor.target, hasDownload: anchor.hasAttribute('download') }, here);
      if (to === null) return;
      // Ours from here: React Router's own handler (on the root, in the bubble phase) does not see it.
      event.preventDefault();
      event.stopPropagation();
      if (leaving) return;
      leaving = true;
      void leaveGuards.mayLeave().then((ok) => {
        leaving = false;
        if (ok) navigate(to);
      });
    };
    document.addEventListener('click', onClick, true);
    return () => {
      document.removeEventListener('click', onClick, true);
      remove();
    };
  }, [modal, navigate]);
}
