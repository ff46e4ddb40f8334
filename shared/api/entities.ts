/**
 * Shapes the API sends (the presenters' output), shared by the server's presenters,
 * the typed client and the tests. Dates travel as ISO strings.
 */
import type {
  DocumentKind,
  DocumentLanguage,
  DocumentStatus,
  LinkAccess,
  OrganizationType,
  PolicyArea,
  StakeholderType,
  UserRole,
  WorkspaceRole,
} from '../domain';
import type { ApiErrorCode } from './errors';

export interface UserDto {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  organizationId: string | null;
  isActive: boolean;
  /**
   * Whether notifications left unread in the app are e-mailed as a digest (the person turns
   * it off with PATCH /api/users/:id).
   */
  emailNotifications: boolean;
  /** Whether invitations to this account's address are e-mailed (PATCH /api/users/:id). */
  emailInvitations: boolean;
  createdAt: string;
}

/** A user as other members see them (no e-mail outside shared workspaces' member lists). */
export interface UserSummaryDto {
  id: string;
  name: string;
}

export interface OrganizationDto {
  id: string;
  name: string;
  type: OrganizationType;
  country: string;
}

export interface WorkspaceDto {
  id: string;
  name: string;
  description: string;
  isArchived: boolean;
  createdAt: string;
  updatedAt: string;
  /** The caller's role in it. */
  role: WorkspaceRole;
  /** What the caller may do with it (every HTTP answer has it; broadcasts omit it). */
  abilities?: WorkspaceAbilities;
}

/**
 * What the caller may do with a workspace, computed by the server's policies (the client
 * shows what these allow and copies no rule). An archived workspace is read-only: only
 * `read`, `edit` (to unarchive), `archive`, `manageMembers` and `viewTrash` can stay true.
 */
export interface WorkspaceAbilities {
  read: boolean;
  /** Rename, describe, unarchive. */
  edit: boolean;
  createDocument: boolean;
  /** Add, invite, re-role and remove members; see pending invitations. */
  manageMembers: boolean;
  /** Archive or unarchive. */
  archive: boolean;
  viewTrash: boolean;
}

/**
 * What the caller may do with a document, computed by the server's policies. The status
 * moves the workflow offers (`STATUS_TRANSITIONS`) map onto `approve` (to approved),
 * `publish` (to published) and `changeStatus` (any other move); see `statusMoveAbility`.
 */
export interface DocumentAbilities {
  read: boolean;
  /** Edit the shared text directly. */
  edit: boolean;
  comment: boolean;
  suggest: boolean;
  /** Title, kind, city, policy areas, stakeholders. */
  editDetails: boolean;
  changeStatus: boolean;
  approve: boolean;
  publish: boolean;
  /** Share this document with one person, see who has access, set its link reach. */
  share: boolean;
  trash: boolean;
  restore: boolean;
}

export interface MembershipDto {
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
  user: { id: string; name: string; email: string };
  createdAt: string;
}

export interface InvitationDto {
  id: string;
  /** Only present in the answer that created the invitation. */
  token?: string;
  email: string;
  workspaceId: string | null;
  /** A document invitation: registering with it shares this one document (no workspace). */
  documentId: string | null;
  role: WorkspaceRole | null;
  expiresAt: string;
  acceptedAt: string | null;
  /**
   * True until a network admin approves it: it cannot create an account before then (an
   * existing account may still accept it). Depends only on who invited and the
   * open-registration setting, never on whether the e-mail has an account.
   */
  awaitsApproval: boolean;
  /** A link to the accept screen, for copying. Only in the answer that created it. */
  link?: string;
  /**
   * Only in the answer that created it: whether the server e-mails invitations (SMTP_URL
   * set). True does not say the person gets one: an account may have turned invitation
   * e-mail off, and the answer never tells whether the address has an account. False: the
   * link must be passed on by hand.
   */
  isEmailed?: boolean;
}

export interface DocumentDto {
  id: string;
  workspaceId: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  cityId: string | null;
  policyAreas: PolicyArea[];
  stakeholders: StakeholderType[];
  /** The language the text is written in (ISO 639-1), `lang` of the text in the editor. */
  language: DocumentLanguage;
  /** Who beyond the workspace and direct shares may read it (`PATCH` by owners). */
  linkAccess: LinkAccess;
  createdById: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /**
   * Incremented by the server on every write of the title, status or metadata (not on text
   * edits); a write may send it back as `baseVersion` to be refused when it is outdated.
   */
  version: number;
  outline: { level: number; text: string }[];
  wordCount: number;
  lastEditors: UserSummaryDto[];
  contentUpdatedAt: string | null;
  /** What the caller may do with it (every HTTP answer has it; broadcasts omit it). */
  abilities?: DocumentAbilities;
}

export interface AuditEventDto {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

export interface CollabTokenDto {
  token: string;
  /** WebSocket base URL, e.g. `ws://localhost:3000/collab`. */
  serverUrl: string;
  /** The room: the document id. `serverUrl + '/' + room` is the socket address. */
  room: string;
  canWrite: boolean;
  expiresAt: string;
}

/** The one error shape of every 4xx/5xx answer. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details?: unknown };
}
