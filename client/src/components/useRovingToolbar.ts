/**
 * The ARIA toolbar pattern's keyboard model for a `role="toolbar"` element: the whole toolbar
 * is one Tab stop (the last-used button has tabindex 0, every other one -1), and the arrow
 * keys, Home and End move between its enabled buttons. It works on the rendered buttons, so
 * the buttons themselves need no extra props, and a button that becomes disabled (Undo with
 * nothing to undo) hands the Tab stop to the first enabled one.
 */
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

const NEXT_KEYS: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

function enabledButtons(root: HTMLElement): HTMLButtonElement[] {
  return [...root.querySelectorAll('button')].filter((button) => !button.disabled);
}

/**
 * Props to spread on the toolbar element (`ref`, `onFocus`, `onKeyDown`); the tab stop is
 * re-applied after each render.
 */
export function useRovingToolbar<T extends HTMLElement>() {
  const rootRef = useRef<T | null>(null);
  const currentRef = useRef<HTMLButtonElement | null>(null);

  const applyTabStop = useCallback(() => {
    const root = rootRef.current;
    if (!root) return;
    const buttons = enabledButtons(root);
    if (!currentRef.current || !buttons.includes(currentRef.current)) {
      currentRef.current = buttons[0] ?? null;
    }
    for (const button of root.querySelectorAll('button')) {
      button.tabIndex = button === currentRef.current ? 0 : -1;
    }
  }, []);

  // No dependency list on purpose: runs after every render, when buttons may have changed.
  useLayoutEffect(applyTabStop);

  const onFocus = (event: FocusEvent<T>) => {
    if (event.target instanceof HTMLButtonElement) {
      currentRef.current = event.target;
      applyTabStop();
    }
  };
  const onKeyDown = (event: KeyboardEvent<T>) => {
    const move = NEXT_KEYS[event.key];
    const root = rootRef.current;
    if (!move || !root || event.altKey || event.ctrlKey || event.metaKey) return;
    const buttons = enabledButtons(root);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[move(Math.max(index, 0), buttons.length)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return { ref: rootRef, onFocus, onKeyDown };
}
