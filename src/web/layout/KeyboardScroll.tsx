/**
 * The printed form scrolls sideways inside its paper on a phone (styles.css); a box that scrolls must
 * be reachable by keyboard (WCAG 2.1.1, axe-core's scrollable-region-focusable) even where it holds no
 * input, as on the public page. This wrapper makes the paper inside it a named, focusable region.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function KeyboardScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // After every render: the paper is the form view's element, and may be a new one.
  useEffect(() => {
    const paper = ref.current?.querySelector<HTMLElement>('.paper');
    if (!paper) return;
    paper.tabIndex = 0;
    paper.setAttribute('role', 'region');
    paper.setAttribute('aria-label', label);
  });
  return <div ref={ref}>{children}</div>;
}
