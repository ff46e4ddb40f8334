/** Value normalisation both engines apply identically, so look-ups behave the same. */

/** E-mail addresses are stored and looked up trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Countries are ISO 3166-1 alpha-2, stored upper-cased. */
export function normalizeCountry(country: string): string {
  return country.trim().toUpperCase();
}

/**
 * What a JSON column keeps of a value (undefined fields dropped, Dates as ISO strings),
 * as a fresh copy. Both engines store settings and audit details through it.
 */
export function toJsonValue(value: unknown): unknown {
  const text = JSON.stringify(value ?? null);
  return JSON.parse(text ?? 'null') as unknown;
}
