/**
 * Phone width, as the stylesheet's `@media (max-width: 768px)` sees it: the layout's components
 * render another shape there (a menu in a drawer, a card per row), not only other CSS.
 */
import { useSyncExternalStore } from 'react';

/** The widest a phone (or a narrow window) is; styles.css uses the same bound. */
export const NARROW_MAX = 768;
const QUERY = `(max-width: ${NARROW_MAX}px)`;

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** True at phone width; follows a window that is resized or a phone that is turned. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
}
