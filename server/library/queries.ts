/**
 * What the public library reads from storage: published documents only, each with the
 * version taken when it was published (never a later draft), its city and the year.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { DocumentKind, PolicyArea, StakeholderType } from '../../shared/domain';
import { DocumentParams } from '../../shared/api/documents';
import { documentNodeFromState } from '../editor/documentContent';
import { statusVersionLabel } from '../events/subscribers/statusVersions';
import { searchTerms } from '../search/terms';
import type { DocumentSummary } from '../storage/port/documents';
import type { Organization } from '../storage/port/organizations';
import type { VersionSummary } from '../storage/port/versions';
import type { Storage } from '../storage/types';

/** Most published documents one library page considers (the network publishes dozens a year). */
export const LIBRARY_MAX_DOCUMENTS = 500;

/** A published document as the library lists it. */
export interface LibraryEntry {
  document: DocumentSummary;
  city: Organization | null;
  /** The automatic version taken at the publish the library shows. */
  version: VersionSummary;
  /** Year of that publish. */
  year: number;
}

/** A published document ready to read: its entry and the published content. */
export interface LibraryReading extends LibraryEntry {
  content: ProseMirrorNode;
}

/** Facet filters of the library page (all optional; values from the query string). */
export interface LibraryFilter {
  q?: string;
  kind?: DocumentKind;
  policyArea?: PolicyArea;
  city?: string;
  country?: string;
  stakeholder?: StakeholderType;
  year?: number;
}

/**
 * The version taken when the document last moved to `published`: the newest one under the
 * published status label (its author is whoever published). Since the document is published
 * now, that is the version of the current publish. Null if none exists (e.g. a document
 * published before versions existed), and then the library does not show it.
 */
async function findPublishedVersion(
  storage: Storage,
  documentId: string,
): Promise<VersionSummary | null> {
  const label = statusVersionLabel('published');
  const versions = await storage.listVersions({ documentId });
  return versions.find((v) => v.label === label) ?? null;
}

async function toEntry(
  storage: Storage,
  document: DocumentSummary,
  cities: Map<string, Organization>,
): Promise<LibraryEntry | null> {
  if (document.status !== 'published' || document.deletedAt) return null;
  const version = await findPublishedVersion(storage, document.id);
  if (!version) return null;
  const city = document.cityId ? (cities.get(document.cityId) ?? null) : null;
  return { document, city, version, year: version.createdAt.getUTCFullYear() };
}

async function citiesById(storage: Storage): Promise<Map<string, Organization>> {
  const cities = await storage.listOrganizations({});
  return new Map(cities.map((city) => [city.id, city]));
}

/**
 * Every published document matching the text query `q` (full-text search over all
 * workspaces, restricted to `published` inside the query), newest publish first. Facet
 * filters are applied by `applyLibraryFilter`, so facets can count the unfiltered set.
 */
export async function listLibraryEntries(
  storage: Storage,
  q: string | undefined,
): Promise<LibraryEntry[]> {
  const terms = q ? searchTerms(q) : [];
  const documents =
    terms.length > 0
      ? (
          await storage.searchDocuments({
            terms,
            scope: { kind: 'all' },
            filter: { status: 'published' },
            limit: LIBRARY_MAX_DOCUMENTS,
          })
        ).hits.map((hit) => hit.document)
      : await storage.listDocuments({
          filter: { status: 'published' },
          limit: LIBRARY_MAX_DOCUMENTS,
        });
  const cities = await citiesById(storage);
  const entries = await Promise.all(documents.map((d) => toEntry(storage, d, cities)));
  const found = entries.filter((entry): entry is LibraryEntry => entry !== null);
  // A text query keeps its ranking; the plain list shows the newest publications first.
  if (terms.length === 0) {
    found.sort((a, b) => b.version.createdAt.getTime() - a.version.createdAt.getTime());
  }
  return found;
}

/** The entries that have every facet value of `filter` (the text query is already applied). */
export function applyLibraryFilter(entries: LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  return entries.filter(
    ({ document, city, year }) =>
      (!filter.kind || document.kind === filter.kind) &&
      (!filter.policyArea || document.policyAreas.includes(filter.policyArea)) &&
      (!filter.city || city?.id === filter.city) &&
      (!filter.country || city?.country === filter.country) &&
      (!filter.stakeholder || document.stakeholders.includes(filter.stakeholder)) &&
      (!filter.year || year === filter.year),
  );
}

/**
 * One published document with the content of its published version, or null when the id is
 * malformed, unknown, trashed or not published (checked on every request: unpublishing
 * removes a document from the library at once).
 */
export async function loadLibraryReading(
  storage: Storage,
  documentId: string,
): Promise<LibraryReading | null> {
  if (!DocumentParams.safeParse({ id: documentId }).success) return null;
  const document = await storage.getDocument({ id: documentId });
  if (!document) return null;
  const cities = await citiesById(storage);
  const entry = await toEntry(storage, document, cities);
  if (!entry) return null;
  const version = await storage.getVersion({ id: entry.version.id });
  if (!version) return null;
  return { ...entry, content: documentNodeFromState(version.state) };
}
