/**
 * Search snippets as plain text with highlight ranges (never HTML: the client marks the
 * ranges up itself, so a document's text can never inject markup into the results page).
 */
import { foldText } from './terms';

/** A piece of a document's text around the matches, and where the matched words are in it. */
export interface Snippet {
  text: string;
  /** `[start, end)` offsets (UTF-16) into `text`, in order, not overlapping. */
  highlights: Array<{ start: number; end: number }>;
}

/** Marks an engine puts around matches (private-use characters no editor types). */
export const MATCH_OPEN = '\uE000';
export const MATCH_CLOSE = '\uE001';

/** Turns text with `MATCH_OPEN`/`MATCH_CLOSE` marks (SQLite's `snippet()`) into a `Snippet`. */
export function parseMarkedSnippet(marked: string): Snippet {
  let text = '';
  const highlights: Snippet['highlights'] = [];
  let start: number | null = null;
  for (const char of marked) {
    if (char === MATCH_OPEN) start = text.length;
    else if (char === MATCH_CLOSE) {
      if (start !== null && text.length > start) highlights.push({ start, end: text.length });
      start = null;
    } else text += char;
  }
  return { text, highlights };
}

/** Characters of context a built snippet shows before the first match. */
const CONTEXT_BEFORE = 60;
/** Length of a built snippet. */
const SNIPPET_CHARS = 200;

/**
 * Builds a snippet of `text` around the first word that starts with one of `terms` (accents
 * and case folded), highlighting every such word in it: for engines without a snippet
 * function (MongoDB).
 */
export function buildSnippet(text: string, terms: readonly string[]): Snippet {
  const folded = terms.map(foldText).filter((term) => term !== '');
  const words = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
  const isMatch = (word: string): boolean => {
    const key = foldText(word);
    return folded.some((term) => key.startsWith(term));
  };
  const first = words.find((word) => isMatch(word[0]));
  const from = Math.max(0, (first?.index ?? 0) - CONTEXT_BEFORE);
  const to = Math.min(text.length, from + SNIPPET_CHARS);
  const prefix = from > 0 ? '…' : '';
  const body = text.slice(from, to).replace(/\s+/g, ' ');
  const highlights: Snippet['highlights'] = [];
  // Offsets are found in the collapsed body again (collapsing moved them).
  for (const word of body.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    if (word.index !== undefined && isMatch(word[0])) {
      const start = prefix.length + word.index;
      highlights.push({ start, end: start + word[0].length });
    }
  }
  return { text: `${prefix}${body}${to < text.length ? '…' : ''}`, highlights };
}
