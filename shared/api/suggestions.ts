/**
 * Suggestions (track changes): answer shapes of `/api/documents/:id/suggestions…`. The
 * suggestion is in the document's text (`shared/editor/suggestionMarks.ts`); its author and
 * time come from its storage record.
 */
import { z } from 'zod';
import type { UserSummaryDto } from './entities';
import { idField } from './fields';

/** The `:sid` of `/api/documents/:id/suggestions/:sid/…`: a suggestion id as marks carry it. */
export const SuggestionParams = z.object({
  id: idField,
  sid: z.string().min(1).max(200),
});

/**
 * `POST /api/documents/:id/suggestions/accept-all` (and `/reject-all`): every pending
 * suggestion, or only those of `authorId`.
 */
export const SettleAllSuggestionsBody = z.strictObject({
  authorId: idField.optional(),
});

/** The answer of accept-all / reject-all: the ids settled, in document order. */
export interface SettleAllSuggestionsAnswer {
  status: 'accepted' | 'rejected';
  ids: string[];
}

/** One pending suggestion, as it stands in the live text. */
export interface SuggestionDto {
  id: string;
  /** `insert` (also a replacement, with `deletedText`) or `delete`. */
  kind: 'insert' | 'delete';
  /** The text it proposes to add (`insert`) or to remove (`delete`), as it stands now. */
  text: string;
  /** For a replacement: the text it proposes to remove along with adding `text` ('' otherwise). */
  deletedText: string;
  author: UserSummaryDto;
  createdAt: string;
  /** Whether the caller may accept or reject it (owners and editors); absent in broadcasts. */
  canResolve?: boolean;
}

/** A suggestion that was accepted or rejected (the `suggestion:updated` event). */
export interface ResolvedSuggestionDto {
  id: string;
  status: 'accepted' | 'rejected';
  resolvedBy: UserSummaryDto;
}
