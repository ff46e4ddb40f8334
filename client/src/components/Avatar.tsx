/**
 * A person's initials on their own colour. The colour comes from the user id, so it is the
 * same on every screen and matches their caret in the editor.
 */

/** Stable, readable colours (white text passes AA on each). */
const PALETTE = [
  '#1d4ed8',
  '#7e22ce',
  '#be185d',
  '#c2410c',
  '#0f766e',
  '#4d7c0f',
  '#b91c1c',
  '#475569',
] as const;

/** The colour of a user, derived from their id. */
export function colorForUser(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? PALETTE[0];
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A round avatar; decorative unless `label` is given. */
export function Avatar({ id, name, label }: { id: string; name: string; label?: string }) {
  return (
    <span
      className="avatar"
      style={{ backgroundColor: colorForUser(id) }}
      title={label ?? name}
      aria-hidden={label ? undefined : true}
      aria-label={label}
      role={label ? 'img' : undefined}
    >
      {initials(name)}
    </span>
  );
}
