/**
 * The one HTML escaping helper of the library's templates: `html` is a tagged template that
 * escapes every interpolated value unless it is already `SafeHtml` (the result of another
 * `html` call, or the sanitised document body passed through `trustedHtml`).
 */
import { escapeHtml } from '../exports/escapeHtml';

/** A string of HTML that may be inserted as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks already-sanitised HTML (only `toHtmlBody`'s output) as safe to insert. */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}

type Interpolation = SafeHtml | string | number | null | undefined | false | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof SafeHtml) return value.value;
  return escapeHtml(String(value));
}

/** `html\`<p>${userText}</p>\``: the values are escaped, the template text is not. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}
