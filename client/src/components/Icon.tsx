/**
 * Icons as inline SVG (no icon font or emoji, which some machines cannot draw: a bell emoji
 * showed as an empty box in Chromium without an emoji font). Decorative: the button's
 * aria-label names it.
 */
import type { ReactNode } from 'react';

/** Names of the drawn icons. */
export type IconName =
  'undo' | 'redo' | 'link' | 'image' | 'bulletList' | 'orderedList' | 'quote' | 'table' | 'bell';

const SHAPES: Record<IconName, ReactNode> = {
  undo: <path d="M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" />,
  redo: <path d="m15 14 5-5-5-5M20 9H10a6 6 0 0 0 0 12h3" />,
  link: (
    <>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </>
  ),
  image: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="9" cy="10" r="2" />
      <path d="m21 16-5-5-9 9" />
    </>
  ),
  bulletList: (
    <>
      <path d="M9 6h12M9 12h12M9 18h12" />
      <circle cx="4" cy="6" r="1" />
      <circle cx="4" cy="12" r="1" />
      <circle cx="4" cy="18" r="1" />
    </>
  ),
  orderedList: <path d="M10 6h11M10 12h11M10 18h11M4 4v4M3 16h3l-3 4h3" />,
  quote: <path d="M7 7H4v6h4v-3c0 3-1 5-3 6M17 7h-3v6h4v-3c0 3-1 5-3 6" />,
  table: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="1" />
      <path d="M3 10h18M3 15h18M9 4v16M15 4v16" />
    </>
  ),
  bell: (
    <>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 21a2 2 0 0 0 4 0" />
    </>
  ),
};

/** One 20px icon drawn with the current text colour. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="tool__svg"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name]}
    </svg>
  );
}
