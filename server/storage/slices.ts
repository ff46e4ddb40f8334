/**
 * The storage port cut into the slices each engine implements in one module (`users.ts`,
 * `workspaces.ts`, …), named once so the SQLite and MongoDB modules cover the same methods.
 */
import type { Storage } from './types';

/** Accounts and sign-in sessions. */
export type UserMethods = Pick<
  Storage,
  | 'createUser'
  | 'getUserById'
  | 'getUserByEmail'
  | 'listUsers'
  | 'updateUser'
  | 'countUsers'
  | 'createSession'
  | 'getSession'
  | 'deleteSession'
  | 'deleteSessionsForUser'
>;

/** Workspaces and their memberships. */
export type WorkspaceMethods = Pick<
  Storage,
  | 'createWorkspace'
  | 'getWorkspace'
  | 'listWorkspacesForUser'
  | 'updateWorkspace'
  | 'addMembership'
  | 'getMembership'
  | 'listMemberships'
  | 'listMembershipsForUser'
  | 'updateMembership'
  | 'removeMembership'
>;

/** Invitations to the network or a workspace. */
export type InvitationMethods = Pick<
  Storage,
  | 'createInvitation'
  | 'getInvitationByTokenHash'
  | 'listInvitations'
  | 'markInvitationAccepted'
  | 'approveInvitation'
  | 'deleteInvitation'
>;

/** Organisations (cities, research centres, partners). */
export type OrganizationMethods = Pick<
  Storage,
  | 'createOrganization'
  | 'getOrganization'
  | 'listOrganizations'
  | 'updateOrganization'
  | 'deleteOrganization'
>;

/** Document records (metadata, trash, purge). */
export type DocumentMethods = Pick<
  Storage,
  | 'createDocument'
  | 'getDocument'
  | 'getDocumentMeta'
  | 'listDocuments'
  | 'updateDocument'
  | 'purgeDocument'
>;

/** The Yjs state of documents: log, snapshot, compaction. */
export type DocUpdateMethods = Pick<
  Storage,
  'appendDocUpdates' | 'loadDocState' | 'compactDoc' | 'countDocUpdates'
>;

/** The audit log and network settings. */
export type AuditMethods = Pick<Storage, 'appendAudit' | 'listAudit' | 'getSetting' | 'setSetting'>;
