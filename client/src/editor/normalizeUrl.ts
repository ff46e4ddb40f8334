/**
 * What people type into the link and image prompts: "www.stuttgart.de", "info@city.example"
 * or a full address. Without a scheme the browser treats "www.stuttgart.de" as a path on our
 * own server, so the link was silently broken and the image silently not inserted.
 */

const ALLOWED_SCHEME = /^(https?:|mailto:)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const HOST_FIRST = /^[^\s/:@]+\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

/**
 * The address to store for `input` (trimmed; "https://" or "mailto:" added when missing), or
 * null when it is not a web or mail address (including schemes such as `javascript:`).
 * `kind: 'image'` accepts web addresses only.
 */
export function normalizeUrl(input: string, kind: 'link' | 'image'): string | null {
  const value = input.trim();
  if (value === '' || /\s/.test(value)) return null;
  if (HAS_SCHEME.test(value) && !/^[^\s/:@]+\.[a-z]{2,}:\d+/i.test(value)) {
    if (!ALLOWED_SCHEME.test(value)) return null;
    if (kind === 'image' && !/^https?:/i.test(value)) return null;
    return /^(https?:\/\/[^/\s]+|mailto:\S+@\S+)/i.test(value) ? value : null;
  }
  if (kind === 'link' && EMAIL.test(value)) return `mailto:${value}`;
  if (HOST_FIRST.test(value)) return `https://${value}`;
  return null;
}
