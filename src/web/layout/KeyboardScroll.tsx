/**
 * The printed form scrolls sideways inside its paper on a phone (styles.css); a box that scrolls must
 * be reachable by keyboard (WCAG 2.1.1, axe-core's scrollable-region-focusable) even where it holds no
 * input: a read-only form in the editor, the public page. Around the pages (the layouts' outlet), this
 * makes every paper that appears a named, focusable region, whichever page renders it and whenever.
 */
import { useEffect, useRef, type ReactNode } from 'react';

const PAPER = '.paper:not([data-keyboard-scroll])';

export function KeyboardScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () => {
      for (const paper of root.querySelectorAll<HTMLElement>(PAPER)) {
        paper.dataset['keyboardScroll'] = '';
        paper.tabIndex = 0;
        paper.setAttribute('role', 'region');
        paper.setAttribute('aria-label', label);
      }
    };
    mark();
    // Papers come with the pages' data, after this layout rendered: new elements only (not every keystroke's text).
    const observer = new MutationObserver((changes) => {
      if (changes.some((c) => c.addedNodes.length > 0)) mark();
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [label]);
  return <div ref={ref} className="keyboard-scroll">{children}</div>;
}
