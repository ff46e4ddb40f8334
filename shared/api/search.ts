/** `GET /api/search`: the query string and the answer. */
import { z } from 'zod';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, POLICY_AREAS } from '../domain';
import type { DocumentDto } from './entities';
import { idField } from './fields';

/**
 * `q`: what the person typed (any text: operators and quotes are only words); the facet
 * values narrow the results; `limit`/`offset` page them.
 */
export const SearchQuery = z.object({
  q: z.string().max(500).default(''),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  policyArea: z.enum(POLICY_AREAS).optional(),
  cityId: idField.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});

/** One value of a facet and how many matching documents have it. */
export interface FacetCountDto {
  value: string;
  count: number;
}

/** One result: the document and a plain-text snippet with the matched words' ranges. */
export interface SearchResultDto {
  document: DocumentDto;
  snippet: string;
  /** `[start, end)` UTF-16 offsets into `snippet` to highlight. */
  highlights: Array<{ start: number; end: number }>;
}

/** The answer of `GET /api/search`: only documents the caller may read, best first. */
export interface SearchAnswerDto {
  results: SearchResultDto[];
  /** How many documents match in all (not only this page). */
  total: number;
  facets: {
    kind: FacetCountDto[];
    status: FacetCountDto[];
    policyArea: FacetCountDto[];
    /** Values are city (organisation) ids. */
    city: FacetCountDto[];
  };
}
