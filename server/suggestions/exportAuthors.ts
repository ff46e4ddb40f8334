/**
 * Who made each open suggestion, as a DOCX with review notes names it on its tracked changes:
 * the same author and time the suggestions API shows (`loadSuggestionViews`: the storage
 * record, or the author named by the suggestion's id while its record is not written yet).
 */
import type { LiveStateReader } from '../comments/threadViews';
import type { SuggestionAuthorLookup } from '../editor/openSuggestions';
import type { Storage } from '../storage/types';
import { loadSuggestionViews } from './views';

/** The lookup for one document's open suggestions. */
export async function loadSuggestionAuthors(input: {
  storage: Storage;
  live: LiveStateReader;
  documentId: string;
}): Promise<SuggestionAuthorLookup> {
  const views = await loadSuggestionViews(input);
  const byId = new Map(
    views.map((view) => [
      view.id,
      { authorName: view.author.name, createdAt: new Date(view.createdAt) },
    ]),
  );
  return (id) => byId.get(id);
}
