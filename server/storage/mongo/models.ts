/**
 * Mongoose schemas and models, built per connection (never on the global mongoose
 * instance), with every index the queries rely on declared next to its schema.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  LINK_ACCESS,
  ORGANIZATION_TYPES,
  POLICY_AREAS,
  SHARE_ROLES,
  STAKEHOLDER_TYPES,
  DOCUMENT_LANGUAGES,
  USER_ROLES,
  WORKSPACE_ROLES,
} from '../../../shared/domain';
import type { OutlineHeading } from '../types';
import type {
  UserDoc,
  SessionDoc,
  OrganizationDoc,
  WorkspaceDoc,
  MembershipDoc,
  InvitationDoc,
  DocumentShareDoc,
  DocumentDoc,
  DocUpdateDoc,
  DocSnapshotDoc,
  DocCounterDoc,
  AuditDoc,
  SettingDoc,
  DocVersionDoc,
  DocOriginalDoc,
  DocumentSearchFields,
} from './records';

/** Every model of one storage instance. */
export interface MongoModels {
  User: Model<UserDoc>;
  Session: Model<SessionDoc>;
  Organization: Model<OrganizationDoc>;
  Workspace: Model<WorkspaceDoc>;
  Membership: Model<MembershipDoc>;
  Invitation: Model<InvitationDoc>;
  DocumentShare: Model<DocumentShareDoc>;
  Document: Model<DocumentDoc & DocumentSearchFields>;
  DocUpdate: Model<DocUpdateDoc>;
  DocSnapshot: Model<DocSnapshotDoc>;
  DocCounter: Model<DocCounterDoc>;
  Audit: Model<AuditDoc>;
  Setting: Model<SettingDoc>;
  DocVersion: Model<DocVersionDoc>;
  DocOriginal: Model<DocOriginalDoc>;
}

const { ObjectId, Mixed } = Schema.Types;
const nullableRef = { type: ObjectId, default: null };
const nullableDate = { type: Date, default: null };

/** Declares the schemas on `connection` and returns their models. */
export function createModels(connection: Connection): MongoModels {
  const user = new Schema<UserDoc>(
    {
      name: { type: String, required: true },
      email: { type: String, required: true, lowercase: true, trim: true },
      role: { type: String, enum: USER_ROLES, required: true },
      passwordHash: { type: String, required: true },
      organizationId: nullableRef,
      isActive: { type: Boolean, default: true },
      emailNotifications: { type: Boolean, default: true },
      emailInvitations: { type: Boolean, default: true },
    },
    { timestamps: true },
  );
  user.index({ email: 1 }, { unique: true });
  user.index({ organizationId: 1 });

  const session = new Schema<SessionDoc>(
    {
      _id: { type: String, required: true },
      userId: { type: ObjectId, required: true },
      expiresAt: { type: Date, required: true },
    },
    { timestamps: { createdAt: true, updatedAt: false } },
  );
  session.index({ userId: 1 });
  // MongoDB removes expired sessions by itself (the app also checks expiresAt on every read).
  session.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

  const organization = new Schema<OrganizationDoc>(
    {
      name: { type: String, required: true },
      type: { type: String, enum: ORGANIZATION_TYPES, required: true },
      country: { type: String, required: true, uppercase: true },
    },
    { timestamps: true },
  );
  organization.index({ type: 1, name: 1 });

  const workspace = new Schema<WorkspaceDoc>(
    {
      name: { type: String, required: true },
      description: { type: String, default: '' },
      isArchived: { type: Boolean, default: false },
      createdById: { type: ObjectId, required: true },
    },
    { timestamps: true },
  );

  const membership = new Schema<MembershipDoc>(
    {
      workspaceId: { type: ObjectId, required: true },
      userId: { type: ObjectId, required: true },
      role: { type: String, enum: WORKSPACE_ROLES, required: true },
    },
    { timestamps: true },
  );
  membership.index({ workspaceId: 1, userId: 1 }, { unique: true });
  membership.index({ userId: 1 });

  const invitation = new Schema<InvitationDoc>(
    {
      tokenHash: { type: String, required: true },
      email: { type: String, required: true, lowercase: true, trim: true },
      workspaceId: nullableRef,
      role: { type: String, enum: WORKSPACE_ROLES, default: null },
      documentId: nullableRef,
      invitedById: { type: ObjectId, required: true },
      expiresAt: { type: Date, required: true },
      acceptedAt: nullableDate,
      awaitsApproval: { type: Boolean, default: false },
    },
    { timestamps: { createdAt: true, updatedAt: false } },
  );
  invitation.index({ tokenHash: 1 }, { unique: true });
  invitation.index({ workspaceId: 1, createdAt: -1 });
  // A document's pending invitations (the share dialog); workspace and network ones have none.
  invitation.index(
    { documentId: 1, createdAt: -1 },
    { partialFilterExpression: { documentId: { $type: 'objectId' } } },
  );

  const documentShare = new Schema<DocumentShareDoc>(
    {
      documentId: { type: ObjectId, required: true },
      userId: { type: ObjectId, required: true },
      role: { type: String, enum: SHARE_ROLES, required: true },
      createdById: { type: ObjectId, required: true },
    },
    { timestamps: true },
  );
  // One share per (document, person); "shared with me" and search read by person.
  documentShare.index({ documentId: 1, userId: 1 }, { unique: true });
  documentShare.index({ userId: 1 });

  const document = new Schema<DocumentDoc & DocumentSearchFields>(
    {
      workspaceId: { type: ObjectId, required: true },
      title: { type: String, required: true },
      kind: { type: String, enum: DOCUMENT_KINDS, required: true },
      status: { type: String, enum: DOCUMENT_STATUSES, default: 'draft' },
      cityId: nullableRef,
      policyAreas: { type: [{ type: String, enum: POLICY_AREAS }], default: [] },
      stakeholders: { type: [{ type: String, enum: STAKEHOLDER_TYPES }], default: [] },
      // Documents stored before the field existed read as English (see toDocumentMeta).
      language: { type: String, enum: DOCUMENT_LANGUAGES, default: 'en' },
      createdById: { type: ObjectId, required: true },
      deletedAt: nullableDate,
      deletedById: nullableRef,
      version: { type: Number, default: 1 },
      linkAccess: { type: String, enum: LINK_ACCESS, default: 'restricted' },
      plainText: { type: String, default: '' },
      outline: {
        type: [new Schema<OutlineHeading>({ level: Number, text: String }, { _id: false })],
        default: [],
      },
      wordCount: { type: Number, default: 0 },
      lastEditorIds: { type: [ObjectId], default: [] },
      contentUpdatedAt: nullableDate,
      searchFolded: { type: String, default: '' },
      commentText: { type: String, default: '' },
    },
    { timestamps: true },
  );
  document.index({ workspaceId: 1, updatedAt: -1 });
  document.index({ status: 1, updatedAt: -1 });
  document.index({ cityId: 1 });
  document.index({ policyAreas: 1 });
  // The trash purge's query (documents trashed before a moment); live documents are not in it.
  document.index({ deletedAt: 1 }, { partialFilterExpression: { deletedAt: { $type: 'date' } } });
  // Full-text search (mongo/search.ts): case- and diacritic-insensitive (text index v3), no
  // stemming (the network writes in many languages), title first.
  document.index(
    { title: 'text', plainText: 'text', policyAreas: 'text', commentText: 'text' },
    {
      name: 'documents_text',
      default_language: 'none',
      weights: { title: 10, plainText: 1, policyAreas: 2, commentText: 1 },
    },
  );

  const docUpdate = new Schema<DocUpdateDoc>({
    documentId: { type: ObjectId, required: true },
    seq: { type: Number, required: true },
    data: { type: Buffer, required: true },
  });
  docUpdate.index({ documentId: 1, seq: 1 }, { unique: true });

  const docSnapshot = new Schema<DocSnapshotDoc>({
    _id: { type: ObjectId, required: true },
    data: { type: Buffer, required: true },
    upToSeq: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    stateVector: { type: Buffer },
    deletes: { type: Buffer },
  });

  const docCounter = new Schema<DocCounterDoc>({
    _id: { type: ObjectId, required: true },
    seq: { type: Number, required: true },
  });

  const audit = new Schema<AuditDoc>(
    {
      at: { type: Date, required: true },
      actorId: { type: String, default: null },
      action: { type: String, required: true },
      targetType: { type: String, default: null },
      targetId: { type: String, default: null },
      details: { type: Mixed, default: {} },
      ip: { type: String, default: null },
    },
    // Keep `details: {}` as written (mongoose drops empty objects by default).
    { minimize: false },
  );
  audit.index({ at: -1 });
  audit.index({ action: 1, at: -1 });

  const setting = new Schema<SettingDoc>(
    {
      _id: { type: String, required: true },
      value: { type: Mixed },
    },
    { minimize: false, timestamps: { createdAt: false, updatedAt: true } },
  );

  const docVersion = new Schema<DocVersionDoc>({
    documentId: { type: ObjectId, required: true },
    label: { type: String, required: true },
    authorId: nullableRef,
    createdAt: { type: Date, required: true },
    state: { type: Buffer, required: true },
    stateBytes: { type: Number, required: true },
    plainText: { type: String, default: '' },
  });
  docVersion.index({ documentId: 1, createdAt: -1, _id: -1 });

  // Keyed by its document's id: one original per document, read by that id only. The bytes
  // sit in the record itself, which IMPORT_MAX_BYTES keeps under MongoDB's 16 MB (env.ts).
  const docOriginal = new Schema<DocOriginalDoc>({
    _id: { type: ObjectId, required: true },
    name: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    bytes: { type: Buffer, required: true },
    createdById: { type: ObjectId, required: true },
    createdAt: { type: Date, required: true },
  });

  return {
    User: connection.model<UserDoc>('User', user, 'users'),
    Session: connection.model<SessionDoc>('Session', session, 'sessions'),
    Organization: connection.model<OrganizationDoc>('Organization', organization, 'organizations'),
    Workspace: connection.model<WorkspaceDoc>('Workspace', workspace, 'workspaces'),
    Membership: connection.model<MembershipDoc>('Membership', membership, 'memberships'),
    Invitation: connection.model<InvitationDoc>('Invitation', invitation, 'invitations'),
    DocumentShare: connection.model<DocumentShareDoc>(
      'DocumentShare',
      documentShare,
      'documentShares',
    ),
    Document: connection.model<DocumentDoc & DocumentSearchFields>(
      'Document',
      document,
      'documents',
    ),
    DocUpdate: connection.model<DocUpdateDoc>('DocUpdate', docUpdate, 'docUpdates'),
    DocSnapshot: connection.model<DocSnapshotDoc>('DocSnapshot', docSnapshot, 'docSnapshots'),
    DocCounter: connection.model<DocCounterDoc>('DocCounter', docCounter, 'docCounters'),
    Audit: connection.model<AuditDoc>('Audit', audit, 'auditEvents'),
    Setting: connection.model<SettingDoc>('Setting', setting, 'settings'),
    DocVersion: connection.model<DocVersionDoc>('DocVersion', docVersion, 'documentVersions'),
    DocOriginal: connection.model<DocOriginalDoc>('DocOriginal', docOriginal, 'documentOriginals'),
  };
}
