/**
 * The shapes stored in MongoDB (what `lean()` returns), one per collection. The adapter maps
 * them to the port's domain types at the boundary.
 */
import type { Types } from 'mongoose';
import type {
  DocumentKind,
  DocumentStatus,
  LinkAccess,
  OrganizationType,
  PolicyArea,
  ShareRole,
  StakeholderType,
  DocumentLanguage,
  UserRole,
  WorkspaceRole,
} from '../../../shared/domain';
import type { OutlineHeading } from '../types';

export interface UserDoc {
  _id: Types.ObjectId;
  name: string;
  email: string;
  role: UserRole;
  passwordHash: string;
  organizationId: Types.ObjectId | null;
  isActive: boolean;
  /** Absent on accounts made before the setting existed: read as true. */
  emailNotifications?: boolean;
  /** Absent on accounts made before the setting existed: read as true. */
  emailInvitations?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SessionDoc {
  /** SHA-256 of the cookie token. */
  _id: string;
  userId: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
}

export interface OrganizationDoc {
  _id: Types.ObjectId;
  name: string;
  type: OrganizationType;
  country: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface WorkspaceDoc {
  _id: Types.ObjectId;
  name: string;
  description: string;
  isArchived: boolean;
  createdById: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export interface MembershipDoc {
  _id: Types.ObjectId;
  workspaceId: Types.ObjectId;
  userId: Types.ObjectId;
  role: WorkspaceRole;
  createdAt: Date;
  updatedAt: Date;
}

/** A direct share of one document with one account. */
export interface DocumentShareDoc {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  userId: Types.ObjectId;
  role: ShareRole;
  createdById: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export interface InvitationDoc {
  _id: Types.ObjectId;
  tokenHash: string;
  email: string;
  workspaceId: Types.ObjectId | null;
  role: WorkspaceRole | null;
  /** A document invitation (absent on invitations written before they existed). */
  documentId?: Types.ObjectId | null;
  invitedById: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  /** Absent on documents written before approvals existed (read as false). */
  awaitsApproval?: boolean;
}

export interface DocumentDoc {
  _id: Types.ObjectId;
  workspaceId: Types.ObjectId;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  cityId: Types.ObjectId | null;
  policyAreas: PolicyArea[];
  stakeholders: StakeholderType[];
  language: DocumentLanguage;
  createdById: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  deletedById: Types.ObjectId | null;
  version: number;
  /** Absent on documents written before link reach existed (read as `restricted`). */
  linkAccess?: LinkAccess;
  plainText: string;
  outline: OutlineHeading[];
  wordCount: number;
  lastEditorIds: Types.ObjectId[];
  contentUpdatedAt: Date | null;
}

/**
 * Search fields of a document record, written by the adapter (never read into the domain):
 * `searchFolded` is title, city name, policy areas, text and comment text with accents and
 * case folded (word-prefix matching), `commentText` the text of its comment threads (written
 * by whoever stores threads; `''` until then). Both feed the search (`mongo/search.ts`).
 */
export interface DocumentSearchFields {
  searchFolded: string;
  commentText: string;
}

export interface DocUpdateDoc {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  seq: number;
  data: Buffer;
}

export interface DocSnapshotDoc {
  /** The document's id: at most one snapshot per document. */
  _id: Types.ObjectId;
  data: Buffer;
  upToSeq: number;
  createdAt: Date;
  /** The snapshot's Yjs state vector (absent on snapshots written before it was kept). */
  stateVector?: Buffer | null;
  /** The snapshot's deletions as an update without structs (absent like `stateVector`). */
  deletes?: Buffer | null;
}

/** Per-document counter handing out doc-update seqs. */
export interface DocCounterDoc {
  _id: Types.ObjectId;
  seq: number;
}

export interface AuditDoc {
  _id: Types.ObjectId;
  at: Date;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export interface SettingDoc {
  _id: string;
  value: unknown;
  updatedAt: Date;
}

/** A named version of a document (`documentVersions`). */
export interface DocVersionDoc {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  label: string;
  authorId: Types.ObjectId | null;
  createdAt: Date;
  state: Buffer;
  stateBytes: number;
  plainText: string;
}

/** A document's original file (`documentOriginals`), keyed by the document's id. */
export interface DocOriginalDoc {
  _id: Types.ObjectId;
  name: string;
  contentType: string;
  size: number;
  bytes: Buffer;
  createdById: Types.ObjectId;
  createdAt: Date;
}
