/**
 * After a client-side route change, moves focus to the new page's heading (`main h1`, made
 * focusable with tabindex -1), so screen readers announce the page and the next Tab starts at
 * its content instead of somewhere in the old page's place. Pages show a skeleton before
 * their heading, so it waits for the heading a little; it never takes focus from something
 * the person focused meanwhile. The first page load is left alone (the browser starts at the top).
 */
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long a page may take to show its heading before we give up. */
const WAIT_MS = 5_000;

/** Renders nothing; mount it once inside the router. */
export function FocusHeadingOnRouteChange() {
  const { pathname } = useLocation();
  // The path focus was last settled for: the first load is left alone, and an effect run twice
  // for the same path (React's StrictMode does that in development) is not a route change.
  const settledPath = useRef(pathname);

  useEffect(() => {
    if (settledPath.current === pathname) return;
    settledPath.current = pathname;
    // What had focus when the route changed (a link, a button); anything else is the person's.
    const startFocus = document.activeElement;
    const deadline = Date.now() + WAIT_MS;
    let frame = 0;
    const tryFocus = () => {
      const active = document.activeElement;
      const isUntouched = active === startFocus || active === document.body || active === null;
      if (!isUntouched) return;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus({ preventScroll: false });
        return;
      }
      if (Date.now() < deadline) frame = window.requestAnimationFrame(tryFocus);
    };
    frame = window.requestAnimationFrame(tryFocus);
    return () => window.cancelAnimationFrame(frame);
  }, [pathname]);

  return null;
}
