/**
 * HTML escaping, on its own so the mail and the library can escape text without loading the
 * HTML export's sanitizer (sanitize-html loads with the first export or library page).
 */

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
