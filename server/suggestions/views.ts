/**
 * Suggestions as the API shows them: each pending suggestion found in the live text, in
 * document order, with its author and time from its storage record. A suggestion whose
 * record is not written yet (the recorder runs a moment after the update) shows its author
 * from its id.
 */
import * as Y from 'yjs';
import type { SuggestionDto } from '../../shared/api/suggestions';
import { suggestionAuthorId } from '../../shared/editor/suggestionId';
import { locateSuggestions, type SuggestionInText } from '../../shared/editor/suggestions';
import type { LiveStateReader } from '../comments/threadViews';
import { personLookup, type PersonLookup } from '../presenters/threads';
import type { Storage, SuggestionRecord } from '../storage/types';
import { documentNodeOf } from './liveText';

/** Every suggestion in a document's full encoded state (`collab.encodeState`), in document order. */
export function locateSuggestionsInState(state: Uint8Array): Map<string, SuggestionInText> {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return locateSuggestions(documentNodeOf(ydoc));
  } finally {
    ydoc.destroy();
  }
}

/** What a suggestion proposes, in the API's terms. */
export function describeSuggestion(
  found: SuggestionInText,
): Pick<SuggestionDto, 'kind' | 'text' | 'deletedText'> {
  return found.insertedText
    ? { kind: 'insert', text: found.insertedText, deletedText: found.deletedText }
    : { kind: 'delete', text: found.deletedText, deletedText: '' };
}

/** One suggestion for an answer or a broadcast. */
export function presentSuggestion(input: {
  found: SuggestionInText;
  record: SuggestionRecord | null;
  person: PersonLookup;
  canResolve?: boolean;
}): SuggestionDto {
  const { found, record } = input;
  const authorId = record?.authorId ?? suggestionAuthorId(found.id) ?? '';
  return {
    id: found.id,
    ...describeSuggestion(found),
    author: input.person(authorId),
    createdAt: (record?.createdAt ?? new Date()).toISOString(),
    ...(input.canResolve === undefined ? {} : { canResolve: input.canResolve }),
  };
}

/** The document's pending suggestions, in document order. */
export async function loadSuggestionViews(input: {
  storage: Storage;
  live: LiveStateReader;
  documentId: string;
  /** Only these (a broadcast of new ones); all when absent. */
  ids?: readonly string[];
  canResolve?: boolean;
}): Promise<SuggestionDto[]> {
  const { storage, documentId } = input;
  const [state, records] = await Promise.all([
    input.live.encodeState({ documentId }),
    storage.listSuggestions({ documentId }),
  ]);
  const recordOf = new Map(records.map((record) => [record.id, record]));
  const wanted = input.ids ? new Set(input.ids) : null;
  const found = [...locateSuggestionsInState(state).values()].filter(
    (each) =>
      (!wanted || wanted.has(each.id)) && (recordOf.get(each.id)?.status ?? 'open') === 'open',
  );
  const authorIds = found.map(
    (each) => recordOf.get(each.id)?.authorId ?? suggestionAuthorId(each.id) ?? '',
  );
  const person = personLookup(await storage.listUsers({ ids: [...new Set(authorIds)] }));
  return found.map((each) =>
    presentSuggestion({
      found: each,
      record: recordOf.get(each.id) ?? null,
      person,
      ...(input.canResolve === undefined ? {} : { canResolve: input.canResolve }),
    }),
  );
}
