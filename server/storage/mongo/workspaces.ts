/** Workspaces and memberships in MongoDB. */
import { trusted } from 'mongoose';
import { membershipNotFound, workspaceNotFound } from '../notFound';
import type { Membership, Workspace } from '../types';
import type { WorkspaceMethods } from '../port/workspaces';
import type { MongoContext } from './context';
import type { MembershipDoc, WorkspaceDoc } from './records';
import { asString, idOf, requireExisting, requireObjectId, toObjectId } from './values';

function toWorkspace(doc: WorkspaceDoc): Workspace {
  return {
    id: idOf(doc._id),
    name: doc.name,
    description: doc.description,
    isArchived: doc.isArchived,
    createdById: idOf(doc.createdById),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toMembership(doc: MembershipDoc): Membership {
  return {
    workspaceId: idOf(doc.workspaceId),
    userId: idOf(doc.userId),
    role: doc.role,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** The workspace and membership part of the MongoDB adapter. */
export function createMongoWorkspaces({ models, run }: MongoContext): WorkspaceMethods {
  const { Workspace, Membership, User } = models;
  /** The membership filter, or null when either id cannot exist. */
  const membershipKey = (workspaceId: string, userId: string) => {
    const workspace = toObjectId(workspaceId);
    const user = toObjectId(userId);
    return workspace && user ? { workspaceId: workspace, userId: user } : null;
  };

  return {
    createWorkspace: ({ name, description, createdById }) =>
      run(async () => {
        const created = await Workspace.create({
          name: asString(name),
          description: asString(description ?? ''),
          createdById: requireObjectId(createdById, 'No such user.'),
        });
        return toWorkspace(created.toObject());
      }),

    getWorkspace: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) return null;
        const doc = await Workspace.findById(objectId).lean<WorkspaceDoc>();
        return doc ? toWorkspace(doc) : null;
      }),

    listWorkspacesForUser: ({ userId }) =>
      run(async () => {
        const objectId = toObjectId(userId);
        if (!objectId) return [];
        const memberships = await Membership.find({ userId: objectId }, { workspaceId: 1 }).lean<
          Pick<MembershipDoc, 'workspaceId'>[]
        >();
        if (memberships.length === 0) return [];
        const docs = await Workspace.find({
          _id: trusted({ $in: memberships.map((m) => m.workspaceId) }),
        })
          .sort({ createdAt: -1, _id: -1 })
          .lean<WorkspaceDoc[]>();
        return docs.map(toWorkspace);
      }),

    updateWorkspace: ({ id, patch }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const set: Partial<Omit<WorkspaceDoc, '_id'>> = {};
        if (patch.name !== undefined) set.name = asString(patch.name);
        if (patch.description !== undefined) set.description = asString(patch.description);
        if (patch.isArchived !== undefined) set.isArchived = Boolean(patch.isArchived);
        const doc = objectId
          ? await Workspace.findByIdAndUpdate(
              objectId,
              { $set: set },
              { returnDocument: 'after' },
            ).lean<WorkspaceDoc>()
          : null;
        if (!doc) throw workspaceNotFound();
        return toWorkspace(doc);
      }),

    addMembership: ({ workspaceId, userId, role }) =>
      run(
        async () => {
          const created = await Membership.create({
            workspaceId: await requireExisting(Workspace, workspaceId, 'No such workspace.'),
            userId: await requireExisting(User, userId, 'No such user.'),
            role,
          });
          return toMembership(created.toObject());
        },
        {
          conflictCode: 'already_member',
          conflictMessage: 'That user is already a member of this workspace.',
        },
      ),

    getMembership: ({ workspaceId, userId }) =>
      run(async () => {
        const key = membershipKey(workspaceId, userId);
        if (!key) return null;
        const doc = await Membership.findOne(key).lean<MembershipDoc>();
        return doc ? toMembership(doc) : null;
      }),

    listMemberships: ({ workspaceId }) =>
      run(async () => {
        const objectId = toObjectId(workspaceId);
        if (!objectId) return [];
        const docs = await Membership.find({ workspaceId: objectId })
          .sort({ createdAt: 1, _id: 1 })
          .lean<MembershipDoc[]>();
        return docs.map(toMembership);
      }),

    listMembershipsForUser: ({ userId }) =>
      run(async () => {
        const objectId = toObjectId(userId);
        if (!objectId) return [];
        const docs = await Membership.find({ userId: objectId })
          .sort({ createdAt: 1, _id: 1 })
          .lean<MembershipDoc[]>();
        return docs.map(toMembership);
      }),

    updateMembership: ({ workspaceId, userId, role }) =>
      run(async () => {
        const key = membershipKey(workspaceId, userId);
        const doc = key
          ? await Membership.findOneAndUpdate(
              key,
              { $set: { role } },
              { returnDocument: 'after', runValidators: true },
            ).lean<MembershipDoc>()
          : null;
        if (!doc) throw membershipNotFound();
        return toMembership(doc);
      }),

    removeMembership: ({ workspaceId, userId }) =>
      run(async () => {
        const key = membershipKey(workspaceId, userId);
        const result = key ? await Membership.deleteOne(key) : null;
        if (!result || result.deletedCount === 0) throw membershipNotFound();
      }),
  };
}
