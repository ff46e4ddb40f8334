/**
 * Which link addresses document content may carry outside the editor (exports, imports).
 * A link can arrive through the shared Yjs document from any client of the protocol, so the
 * editor's own link rules are no defence on their own: every renderer checks again.
 */

/** Schemes a link may use: web pages, e-mail and telephone numbers. */
const SAFE_LINK = /^(https?:\/\/|mailto:|tel:)/i;

/** `href` when it is an http(s), mailto: or tel: address without control characters, else null. */
export function safeLinkHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  // As for images: browsers skip leading control characters and strip tabs/newlines inside
  // a URL, which would turn "java\tscript:" into a script. Refuse rather than guess.
  if (/[\p{Cc}]/u.test(href)) return null;
  const trimmed = href.trim();
  return SAFE_LINK.test(trimmed) ? trimmed : null;
}
