/**
 * Full-text search in MongoDB (query built by `searchQuery.ts`): one find for the page, one
 * aggregation for the facets, both filtered by access inside the query. Snippets are built
 * from the text of the page's documents (MongoDB has no snippet function).
 */
import { buildSnippet } from '../../search/snippet';
import type { SearchMethods, SearchResult } from '../port/search';
import type { MongoContext } from './context';
import { SUMMARY_PROJECTION, toDocumentSummary, type DocumentSummaryDoc } from './documents';
import type { DocumentDoc } from './records';
import { buildMongoSearchQuery, type MongoSearchReach } from './searchQuery';
import { idOf, toObjectId } from './values';
import type { SortOrder, Types } from 'mongoose';

interface FacetGroup {
  _id: string | Types.ObjectId;
  n: number;
}

type FacetAnswer = Record<'kind' | 'status' | 'policyArea' | 'city', FacetGroup[]>;

/** The search part of the MongoDB adapter. */
export function createMongoSearch({ models, run }: MongoContext): SearchMethods {
  const { Document, Membership, DocumentShare } = models;
  return {
    searchDocuments: ({ terms, scope, filter = {}, limit, offset = 0 }) =>
      run(async () => {
        const empty: SearchResult = {
          hits: [],
          total: 0,
          facets: { kind: [], status: [], policyArea: [], city: [] },
        };
        let reach: MongoSearchReach | null = null;
        if (scope.kind === 'member') {
          const userId = toObjectId(scope.userId);
          if (!userId) return empty;
          const [memberships, shares] = await Promise.all([
            Membership.find({ userId }, { workspaceId: 1 }).lean(),
            DocumentShare.find({ userId }, { documentId: 1 }).lean(),
          ]);
          reach = {
            workspaceIds: memberships.map((membership) => membership.workspaceId),
            documentIds: shares.map((share) => share.documentId),
          };
        }
        const query = buildMongoSearchQuery({ terms, reach, filter });
        if (!query) return empty;
        const sort: Record<string, SortOrder | { $meta: 'textScore' }> = query.usesText
          ? { score: { $meta: 'textScore' as const }, updatedAt: -1 as const }
          : { updatedAt: -1 as const, _id: -1 as const };
        const projection = {
          ...SUMMARY_PROJECTION,
          plainText: 1,
          ...(query.usesText ? { score: { $meta: 'textScore' as const } } : {}),
        };
        const [docs, facetAnswer] = await Promise.all([
          limit <= 0
            ? Promise.resolve([] as DocumentDoc[])
            : Document.find(query.filter, projection)
                .sort(sort)
                .skip(Math.max(0, Math.floor(offset)))
                .limit(Math.floor(limit))
                .lean<DocumentDoc[]>(),
          Document.aggregate<FacetAnswer>([
            { $match: query.filter },
            {
              $facet: {
                kind: [{ $group: { _id: '$kind', n: { $sum: 1 } } }],
                status: [{ $group: { _id: '$status', n: { $sum: 1 } } }],
                city: [
                  { $match: { cityId: { $ne: null } } },
                  { $group: { _id: '$cityId', n: { $sum: 1 } } },
                ],
                policyArea: [
                  { $unwind: '$policyAreas' },
                  { $group: { _id: '$policyAreas', n: { $sum: 1 } } },
                ],
              },
            },
          ]),
        ]);
        const groups = facetAnswer[0] ?? { kind: [], status: [], policyArea: [], city: [] };
        const counts = (list: FacetGroup[]) =>
          list
            .map((group) => ({
              value: typeof group._id === 'string' ? group._id : idOf(group._id),
              count: group.n,
            }))
            .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
        const facets: SearchResult['facets'] = {
          kind: counts(groups.kind),
          status: counts(groups.status),
          policyArea: counts(groups.policyArea),
          city: counts(groups.city),
        };
        return {
          hits: docs.map((doc) => {
            const { plainText, ...summary } = doc;
            const snippet = buildSnippet(plainText || doc.title, terms);
            return {
              document: toDocumentSummary(summary as DocumentSummaryDoc),
              snippet: snippet.text,
              highlights: snippet.highlights,
            };
          }),
          total: facets.kind.reduce((sum, entry) => sum + entry.count, 0),
          facets,
        };
      }),
  };
}
