/** Users and their sign-in sessions in MongoDB. */
import { trusted } from 'mongoose';
import { userNotFound } from '../notFound';
import { normalizeEmail } from '../normalize';
import type { Session, User } from '../types';
import type { UserMethods } from '../port/users';
import type { MongoContext } from './context';
import type { SessionDoc, UserDoc } from './records';
import { asString, idOf, idOrNull, requireExisting, toObjectId, toObjectIds } from './values';

function toUser(doc: UserDoc): User {
  return {
    id: idOf(doc._id),
    name: doc.name,
    email: doc.email,
    role: doc.role,
    passwordHash: doc.passwordHash,
    organizationId: idOrNull(doc.organizationId),
    isActive: doc.isActive,
    emailNotifications: doc.emailNotifications ?? true,
    emailInvitations: doc.emailInvitations ?? true,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toSession(doc: SessionDoc): Session {
  return {
    id: doc._id,
    userId: idOf(doc.userId),
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
  };
}

const EMAIL_TAKEN = {
  conflictCode: 'email_taken' as const,
  conflictMessage: 'That e-mail is already registered.',
};
const NO_ORGANIZATION = 'No such organisation.';

/** The user and session half of the MongoDB adapter. */
export function createMongoUsers({ models, run }: MongoContext): UserMethods {
  const { User, Session, Organization } = models;

  return {
    createUser: (input) =>
      run(async () => {
        const created = await User.create({
          name: asString(input.name),
          email: normalizeEmail(asString(input.email)),
          role: input.role,
          passwordHash: asString(input.passwordHash),
          organizationId: await requireExisting(
            Organization,
            input.organizationId,
            NO_ORGANIZATION,
          ),
        });
        return toUser(created.toObject());
      }, EMAIL_TAKEN),

    getUserById: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) return null;
        const doc = await User.findById(objectId).lean<UserDoc>();
        return doc ? toUser(doc) : null;
      }),

    getUserByEmail: ({ email }) =>
      run(async () => {
        const doc = await User.findOne({ email: normalizeEmail(asString(email)) }).lean<UserDoc>();
        return doc ? toUser(doc) : null;
      }),

    listUsers: ({ ids }) =>
      run(async () => {
        if (ids && ids.length === 0) return [];
        const filter = ids ? { _id: trusted({ $in: toObjectIds(ids) }) } : {};
        const docs = await User.find(filter).sort({ createdAt: 1, _id: 1 }).lean<UserDoc[]>();
        return docs.map(toUser);
      }),

    updateUser: ({ id, patch }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const set: Partial<Omit<UserDoc, '_id'>> = {};
        if (patch.name !== undefined) set.name = asString(patch.name);
        if (patch.email !== undefined) set.email = normalizeEmail(asString(patch.email));
        if (patch.role !== undefined) set.role = patch.role;
        if (patch.passwordHash !== undefined) set.passwordHash = asString(patch.passwordHash);
        if (patch.organizationId !== undefined) {
          set.organizationId = await requireExisting(
            Organization,
            patch.organizationId,
            NO_ORGANIZATION,
          );
        }
        if (patch.isActive !== undefined) set.isActive = Boolean(patch.isActive);
        if (patch.emailNotifications !== undefined)
          set.emailNotifications = Boolean(patch.emailNotifications);
        if (patch.emailInvitations !== undefined)
          set.emailInvitations = Boolean(patch.emailInvitations);
        const doc = objectId
          ? await User.findByIdAndUpdate(
              objectId,
              { $set: set },
              { returnDocument: 'after', runValidators: true },
            ).lean<UserDoc>()
          : null;
        if (!doc) throw userNotFound();
        return toUser(doc);
      }, EMAIL_TAKEN),

    countUsers: () => run(() => User.countDocuments({}).exec()),

    createSession: ({ id, userId, expiresAt }) =>
      run(
        async () => {
          const created = await Session.create({
            _id: asString(id),
            userId: await requireExisting(User, userId, 'No such user.'),
            expiresAt: new Date(expiresAt.getTime()),
          });
          return toSession(created.toObject());
        },
        { conflictMessage: 'That session exists already.' },
      ),

    getSession: ({ id }) =>
      run(async () => {
        const doc = await Session.findById(asString(id)).lean<SessionDoc>();
        return doc ? toSession(doc) : null;
      }),

    deleteSession: ({ id }) =>
      run(async () => {
        // Idempotent on purpose: signing out of an already-ended session is not an error.
        await Session.deleteOne({ _id: asString(id) });
      }),

    deleteSessionsForUser: ({ userId, exceptId }) =>
      run(async () => {
        const objectId = toObjectId(userId);
        if (!objectId) return 0;
        const filter =
          exceptId === undefined
            ? { userId: objectId }
            : { userId: objectId, _id: trusted({ $ne: asString(exceptId) }) };
        const result = await Session.deleteMany(filter);
        return result.deletedCount;
      }),
  };
}
