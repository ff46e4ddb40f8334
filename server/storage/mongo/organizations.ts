/** Organisations in MongoDB. */
import { organizationNotFound } from '../notFound';
import { normalizeCountry } from '../normalize';
import type { Organization } from '../types';
import type { OrganizationMethods } from '../port/organizations';
import type { MongoContext } from './context';
import type { OrganizationDoc } from './records';
import { findCityDocumentIds, refreshSearchText } from './searchText';
import { asString, idOf, toObjectId } from './values';

function toOrganization(doc: OrganizationDoc): Organization {
  return {
    id: idOf(doc._id),
    name: doc.name,
    type: doc.type,
    country: doc.country,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** The organisation part of the MongoDB adapter. */
export function createMongoOrganizations({ models, run }: MongoContext): OrganizationMethods {
  const { Organization, User, Document } = models;

  return {
    createOrganization: ({ name, type, country }) =>
      run(async () => {
        const created = await Organization.create({
          name: asString(name),
          type,
          country: normalizeCountry(asString(country)),
        });
        return toOrganization(created.toObject());
      }),

    getOrganization: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) return null;
        const doc = await Organization.findById(objectId).lean<OrganizationDoc>();
        return doc ? toOrganization(doc) : null;
      }),

    listOrganizations: ({ type }) =>
      run(async () => {
        const filter = type === undefined ? {} : { type: asString(type) };
        // Binary collation: the same order as SQLite's default.
        const docs = await Organization.find(filter)
          .sort({ name: 1, _id: 1 })
          .lean<OrganizationDoc[]>();
        return docs.map(toOrganization);
      }),

    updateOrganization: ({ id, patch }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const set: Partial<Omit<OrganizationDoc, '_id'>> = {};
        if (patch.name !== undefined) set.name = asString(patch.name);
        if (patch.type !== undefined) set.type = patch.type;
        if (patch.country !== undefined) set.country = normalizeCountry(asString(patch.country));
        const doc = objectId
          ? await Organization.findByIdAndUpdate(
              objectId,
              { $set: set },
              { returnDocument: 'after', runValidators: true },
            ).lean<OrganizationDoc>()
          : null;
        if (!doc) throw organizationNotFound();
        // The city's name is searched with its documents (`searchFolded`).
        if (patch.name !== undefined) {
          for (const documentId of await findCityDocumentIds(models, doc._id))
            await refreshSearchText(models, documentId);
        }
        return toOrganization(doc);
      }),

    deleteOrganization: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) throw organizationNotFound();
        const result = await Organization.deleteOne({ _id: objectId });
        if (result.deletedCount === 0) throw organizationNotFound();
        const cityDocumentIds = await findCityDocumentIds(models, objectId);
        // Detach, never delete, what pointed at it (as SQLite's ON DELETE SET NULL does).
        await User.updateMany(
          { organizationId: objectId },
          { $set: { organizationId: null } },
          { timestamps: false },
        );
        await Document.updateMany(
          { cityId: objectId },
          { $set: { cityId: null } },
          { timestamps: false },
        );
        // Its name leaves the search text of the documents it was the city of.
        for (const documentId of cityDocumentIds) await refreshSearchText(models, documentId);
      }),
  };
}
