/**
 * The text side of @-mentions, without React: which `@word` the caret is in, the people it
 * matches, the ids a finished body still names, and a body split into text and mentions for
 * display. A mention is written `@Full Name`; the id travels apart, in `mentions`.
 */
import type { UserSummaryDto } from '../../../shared/api/entities';

/** Most suggestions shown at once. */
export const MAX_SUGGESTIONS = 6;

/** An `@` at the start or after a space, then what was typed so far (letters, no space yet). */
const TYPED_MENTION = /(^|\s)@([\p{L}\p{N}._'-]*)$/u;

/** The `@query` the caret ends, with where its `@` is, or null when the caret is not in one. */
export function mentionAtCaret(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const match = TYPED_MENTION.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** The people whose name has a word starting with `query` (case and accents ignored). */
export function suggestPeople(people: readonly UserSummaryDto[], query: string): UserSummaryDto[] {
  const wanted = fold(query);
  return people
    .filter((person) =>
      fold(person.name)
        .split(/\s+/)
        .some((word) => word.startsWith(wanted)),
    )
    .slice(0, MAX_SUGGESTIONS);
}

/** `text` with the `@query` at `start` replaced by `@Name `, and where the caret goes after it. */
export function insertMention(
  text: string,
  mention: { start: number; query: string },
  person: UserSummaryDto,
): { text: string; caret: number } {
  const inserted = `@${person.name} `;
  const end = mention.start + 1 + mention.query.length;
  return {
    text: text.slice(0, mention.start) + inserted + text.slice(end),
    caret: mention.start + inserted.length,
  };
}

/** The ids of the chosen people whose `@Name` is still in `body` (deleted mentions drop out). */
export function mentionedIds(body: string, chosen: readonly UserSummaryDto[]): string[] {
  const ids = chosen.filter((person) => body.includes(`@${person.name}`)).map((p) => p.id);
  return [...new Set(ids)];
}

/** A stretch of a comment body: plain text, or the `@Name` of someone it mentions. */
export type BodyPart = { text: string; mention: UserSummaryDto | null };

/** Splits `body` at each `@Name` of the people it mentions (longest names first). */
export function splitMentions(body: string, mentioned: readonly UserSummaryDto[]): BodyPart[] {
  if (mentioned.length === 0) return [{ text: body, mention: null }];
  const byName = new Map(mentioned.map((person) => [`@${person.name}`, person]));
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(${names.join('|')})`, 'g');
  return body
    .split(pattern)
    .filter((text) => text !== '')
    .map((text) => ({ text, mention: byName.get(text) ?? null }));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
