/** Upkeep of a document's folded search text (`searchFolded`, see `searchQuery.ts`). */
import { trusted, type Types } from 'mongoose';
import type { MongoModels } from './models';
import { foldSearchText } from './searchQuery';

/**
 * Recomputes `searchFolded` of one document from its stored title, city name, policy areas,
 * text and comment text: after a write that changed one of them. A concurrent write runs its
 * own refresh afterwards, so the last one reads the last state.
 */
export async function refreshSearchText(
  models: Pick<MongoModels, 'Document' | 'Organization'>,
  documentId: Types.ObjectId,
): Promise<void> {
  const { Document, Organization } = models;
  const doc = await Document.findById(documentId, {
    title: 1,
    plainText: 1,
    cityId: 1,
    policyAreas: 1,
    commentText: 1,
  }).lean();
  if (!doc) return;
  const city = doc.cityId ? await Organization.findById(doc.cityId, { name: 1 }).lean() : null;
  const searchFolded = foldSearchText([
    doc.title,
    city?.name ?? '',
    ...(doc.policyAreas ?? []),
    doc.plainText ?? '',
    doc.commentText ?? '',
  ]);
  await Document.updateOne({ _id: documentId }, { $set: { searchFolded } }, { timestamps: false });
}

/**
 * The ids of one city's documents (its case studies: tens, read by the `cityId` index), whose
 * `searchFolded` holds the city's name: refresh them after a rename or a delete.
 */
export async function findCityDocumentIds(
  models: Pick<MongoModels, 'Document'>,
  cityId: Types.ObjectId,
): Promise<Types.ObjectId[]> {
  const docs = await models.Document.find({ cityId }, { _id: 1 }).lean();
  return docs.map((doc) => doc._id);
}

/** Fills `searchFolded` of documents stored before it existed (startup, like `version`). */
export async function backfillSearchText(
  models: Pick<MongoModels, 'Document' | 'Organization'>,
): Promise<void> {
  const missing = await models.Document.find(
    { searchFolded: trusted({ $in: [null, ''] }) },
    { _id: 1 },
  ).lean();
  for (const doc of missing) await refreshSearchText(models, doc._id);
}
