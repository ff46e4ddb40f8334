/**
 * Pure rules of the details panel's autosave: the editable fields of a document, what a draft
 * changed, and the three-way merge of "what I started from", "what I typed" and "what the
 * server has now" that decides which fields merge by themselves and which are a conflict the
 * person must settle (never overwritten silently).
 */
import type { DocumentDto } from '../../../shared/api/entities';
import type {
  DocumentKind,
  DocumentLanguage,
  PolicyArea,
  StakeholderType,
} from '../../../shared/domain';
import type { DocumentPatch } from '../api/client';

/** The editable details, as the form holds them (`cityId` '' means no city). */
export interface DetailsFields {
  title: string;
  kind: DocumentKind;
  cityId: string;
  policyAreas: PolicyArea[];
  stakeholders: StakeholderType[];
  language: DocumentLanguage;
}

/** The names of the editable details, in form order. */
export const DETAIL_FIELDS = [
  'title',
  'kind',
  'language',
  'cityId',
  'policyAreas',
  'stakeholders',
] as const;
/** One editable detail. */
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** The other person's value of each field that conflicts with the draft. */
export type DetailConflicts = Partial<DetailsFields>;

/** The editable details of `document`. */
export function detailsOf(document: DocumentDto): DetailsFields {
  return {
    title: document.title,
    kind: document.kind,
    cityId: document.cityId ?? '',
    policyAreas: [...document.policyAreas],
    stakeholders: [...document.stakeholders],
    language: document.language,
  };
}

function sameValue(a: DetailsFields[DetailField], b: DetailsFields[DetailField]): boolean {
  // Lists are sets (the server keeps each value once); their order carries no meaning.
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value: string) => (b as string[]).includes(value));
  }
  return a === b;
}

/** Whether `field` has the same value in both. */
export function isSameField(field: DetailField, a: DetailsFields, b: DetailsFields): boolean {
  return sameValue(a[field], b[field]);
}

/** The fields where `draft` differs from `base`. */
export function changedFields(base: DetailsFields, draft: DetailsFields): DetailField[] {
  return DETAIL_FIELDS.filter((field) => !isSameField(field, base, draft));
}

/** The PATCH body of the fields `draft` changed (empty city sent as null). */
export function patchOf(base: DetailsFields, draft: DetailsFields): DocumentPatch {
  const patch: DocumentPatch = {};
  for (const field of changedFields(base, draft)) {
    if (field === 'cityId') patch.cityId = draft.cityId || null;
    else if (field === 'title') patch.title = draft.title;
    else if (field === 'kind') patch.kind = draft.kind;
    else if (field === 'language') patch.language = draft.language;
    else if (field === 'policyAreas') patch.policyAreas = draft.policyAreas;
    else patch.stakeholders = draft.stakeholders;
  }
  return patch;
}

/** Set merge of a list: their list, plus what I added, minus what I removed. */
function mergeList<T extends string>(base: T[], mine: T[], theirs: T[]): T[] {
  const added = mine.filter((value) => !base.includes(value));
  const removed = base.filter((value) => !mine.includes(value));
  const merged = [...theirs, ...added.filter((value) => !theirs.includes(value))];
  return merged.filter((value) => !removed.includes(value));
}

/** The merged fields and the fields both sides changed differently (the draft keeps mine). */
export interface DetailsMerge {
  merged: DetailsFields;
  conflicts: DetailConflicts;
}

type SingleField = 'title' | 'kind' | 'language' | 'cityId';

/** One single-valued field: whichever side changed it wins; both changing it differently conflicts. */
function mergeSingle<K extends SingleField>(
  field: K,
  input: { base: DetailsFields; mine: DetailsFields; theirs: DetailsFields },
  result: DetailsMerge,
): void {
  const { base, mine, theirs } = input;
  if (isSameField(field, base, mine) || isSameField(field, mine, theirs)) return;
  result.merged[field] = mine[field];
  if (!isSameField(field, base, theirs)) result.conflicts[field] = theirs[field];
}

/**
 * Three-way merge per field: a field only one side changed takes that side's value; lists
 * merge their additions and removals; a single value both changed to different values is a
 * conflict (the draft keeps mine, `conflicts` holds theirs).
 */
export function mergeDetails(input: {
  base: DetailsFields;
  mine: DetailsFields;
  theirs: DetailsFields;
}): DetailsMerge {
  const { base, mine, theirs } = input;
  const result: DetailsMerge = {
    merged: {
      ...theirs,
      policyAreas: mergeList(base.policyAreas, mine.policyAreas, theirs.policyAreas),
      stakeholders: mergeList(base.stakeholders, mine.stakeholders, theirs.stakeholders),
    },
    conflicts: {},
  };
  for (const field of ['title', 'kind', 'language', 'cityId'] as const) {
    mergeSingle(field, input, result);
  }
  return result;
}
