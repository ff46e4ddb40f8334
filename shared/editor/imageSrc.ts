/**
 * Which image addresses document content may carry. Checked wherever content is rendered,
 * not only where it is typed: an image can arrive through the shared Yjs document from any
 * client of the protocol, so the editor's prompt is no defence on its own.
 */

/** Web addresses: the image is fetched like any other page resource. */
const WEB_IMAGE = /^https?:\/\/[^\s/?#]+/i;

/**
 * Inline raster images only: `data:image/svg+xml` can carry script, and `data:text/html` or
 * `javascript:` are not images at all.
 */
const INLINE_RASTER_IMAGE = /^data:image\/(png|jpeg|gif|webp)[;,]/i;

/** `src` when it is an https:, http: or inline PNG/JPEG/GIF/WebP image address, else null. */
export function safeImageSrc(src: unknown): string | null {
  if (typeof src !== 'string') return null;
  // Browsers skip leading control characters and whitespace in a URL ("\u0001javascript:"),
  // and strip tabs and newlines inside it: refuse them rather than guess what was meant.
  if (/[\p{Cc}\s]/u.test(src)) return null;
  if (WEB_IMAGE.test(src) || INLINE_RASTER_IMAGE.test(src)) return src;
  return null;
}
