/** Invitations (to the network or to a workspace) in MongoDB. */
import { trusted } from 'mongoose';
import { ConflictError } from '../../errors';
import { invitationNotFound } from '../notFound';
import { normalizeEmail } from '../normalize';
import type { Invitation } from '../types';
import type { InvitationMethods } from '../port/invitations';
import type { MongoContext } from './context';
import type { InvitationDoc } from './records';
import { asString, idOf, idOrNull, requireExisting, requireObjectId, toObjectId } from './values';

function toInvitation(doc: InvitationDoc): Invitation {
  return {
    id: idOf(doc._id),
    tokenHash: doc.tokenHash,
    email: doc.email,
    workspaceId: idOrNull(doc.workspaceId),
    role: doc.role ?? null,
    documentId: idOrNull(doc.documentId ?? null),
    invitedById: idOf(doc.invitedById),
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
    acceptedAt: doc.acceptedAt ?? null,
    // Documents written before the field existed were usable at once.
    awaitsApproval: doc.awaitsApproval === true,
  };
}

/** The invitation part of the MongoDB adapter. */
export function createMongoInvitations({ models, run }: MongoContext): InvitationMethods {
  const { Invitation, Workspace, Document } = models;

  return {
    createInvitation: (input) =>
      run(
        async () => {
          const created = await Invitation.create({
            tokenHash: asString(input.tokenHash),
            email: normalizeEmail(asString(input.email)),
            workspaceId: await requireExisting(Workspace, input.workspaceId, 'No such workspace.'),
            role: input.role,
            documentId: await requireExisting(Document, input.documentId, 'No such document.'),
            invitedById: requireObjectId(input.invitedById, 'No such user.'),
            expiresAt: new Date(input.expiresAt.getTime()),
            awaitsApproval: input.awaitsApproval === true,
          });
          return toInvitation(created.toObject());
        },
        {
          conflictCode: 'invitation_exists',
          conflictMessage: 'An invitation with that token exists already.',
        },
      ),

    getInvitationByTokenHash: ({ tokenHash }) =>
      run(async () => {
        const doc = await Invitation.findOne({
          tokenHash: asString(tokenHash),
        }).lean<InvitationDoc>();
        return doc ? toInvitation(doc) : null;
      }),

    listInvitations: ({ workspaceId, documentId, isPending }) =>
      run(async () => {
        // Pending = not accepted and not expired; `isPending: false` = accepted or expired.
        const filter: Record<string, unknown> = {};
        if (workspaceId !== undefined) {
          const objectId = toObjectId(workspaceId);
          if (!objectId) return [];
          filter.workspaceId = objectId;
        }
        if (documentId !== undefined) {
          const objectId = toObjectId(documentId);
          if (!objectId) return [];
          filter.documentId = objectId;
        }
        const now = new Date();
        if (isPending === true) {
          filter.acceptedAt = null;
          filter.expiresAt = trusted({ $gt: now });
        }
        if (isPending === false) {
          filter.$or = [
            { acceptedAt: trusted({ $ne: null }) },
            { expiresAt: trusted({ $lte: now }) },
          ];
        }
        const docs = await Invitation.find(filter)
          .sort({ createdAt: -1, _id: -1 })
          .lean<InvitationDoc[]>();
        return docs.map(toInvitation);
      }),

    markInvitationAccepted: ({ id, at }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) throw invitationNotFound();
        // Conditional update: of two concurrent acceptances exactly one wins.
        const doc = await Invitation.findOneAndUpdate(
          { _id: objectId, acceptedAt: null },
          { $set: { acceptedAt: new Date(at.getTime()) } },
          { returnDocument: 'after' },
        ).lean<InvitationDoc>();
        if (doc) return toInvitation(doc);
        const exists = await Invitation.exists({ _id: objectId });
        if (!exists) throw invitationNotFound();
        throw new ConflictError('That invitation has been used already.', 'invitation_used');
      }),

    approveInvitation: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const doc = objectId
          ? await Invitation.findOneAndUpdate(
              { _id: objectId },
              { $set: { awaitsApproval: false } },
              { returnDocument: 'after' },
            ).lean<InvitationDoc>()
          : null;
        if (!doc) throw invitationNotFound();
        return toInvitation(doc);
      }),

    deleteInvitation: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const result = objectId ? await Invitation.deleteOne({ _id: objectId }) : null;
        if (!result || result.deletedCount === 0) throw invitationNotFound();
      }),
  };
}
