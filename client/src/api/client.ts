/**
 * The typed API client: one function per endpoint the UI uses, answering with the DTOs the
 * server's presenters send (shared/api/entities.ts). Pages never call `fetch` themselves.
 */
import type { SettleAllSuggestionsAnswer, SuggestionDto } from '../../../shared/api/suggestions';
import type { z } from 'zod';
import type {
  CollabTokenDto,
  DocumentDto,
  InvitationDto,
  MembershipDto,
  OrganizationDto,
  UserDto,
  UserSummaryDto,
  WorkspaceDto,
} from '../../../shared/api/entities';
import {
  ChangePasswordBody,
  LoginBody,
  RegisterBody,
  type AcceptInvitationDto,
  type InvitationPreviewDto,
  type SetupStatusDto,
} from '../../../shared/api/auth';
import {
  ChangeStatusBody,
  CreateDocumentBody,
  UpdateDocumentBody,
} from '../../../shared/api/documents';
import {
  AddMemberBody,
  ChangeMemberRoleBody,
  CreateWorkspaceBody,
} from '../../../shared/api/workspaces';
import {
  ImportFields,
  type ExportComments,
  type ExportFormat,
  type OriginalFileDto,
} from '../../../shared/api/exports';
import {
  AnswerReviewBody,
  RequestReviewBody,
  type ReviewCandidateDto,
  type ReviewRequestDto,
  type StatusChangeDto,
} from '../../../shared/api/reviewRequests';
import {
  CreateReviewSessionBody,
  DecisionBody,
  ExtendSessionBody,
  HandOverBody,
  SessionMoveBody,
  type ReviewSessionDto,
} from '../../../shared/api/reviewSessions';
import { CreateOrganizationBody } from '../../../shared/api/organizations';
import { UpdateSettingsBody, type NetworkSettingsDto } from '../../../shared/api/settings';
import {
  CreateCommentBody,
  CreateThreadBody,
  UpdateCommentBody,
  UpdateThreadBody,
  type CommentDto,
  type ThreadDto,
} from '../../../shared/api/threads';
import { CreateInvitationBody, UpdateUserBody } from '../../../shared/api/users';
import { MarkNotificationsReadBody, type NotificationDto } from '../../../shared/api/notifications';
import type {
  DocumentKind,
  DocumentStatus,
  PolicyArea,
  ShareRole,
  WorkspaceRole,
} from '../../../shared/domain';
import type { SearchAnswerDto } from '../../../shared/api/search';
import {
  CreateShareBody,
  type CreateShareAnswer,
  type DocumentAccessDto,
} from '../../../shared/api/shares';
import {
  CreateVersionBody,
  type VersionCompareDto,
  type VersionDto,
  type VersionTextDto,
} from '../../../shared/api/versions';
import { requestJson, validated } from './http';

/** Filters of a workspace's document list; empty values are left out of the query. */
export interface DocumentFilters {
  kind?: DocumentKind | '';
  status?: DocumentStatus | '';
  cityId?: string;
  policyArea?: PolicyArea | '';
  q?: string;
}

/** The facet filters of a search: the document list's filters without its text query. */
export type SearchFilters = Omit<DocumentFilters, 'q'>;

/** Fields a new document starts with. */
export type NewDocumentInput = z.input<typeof CreateDocumentBody>;

/** Metadata editable in the editor's side panel. */
export type DocumentPatch = z.input<typeof UpdateDocumentBody>;

/** Adding a member answers with a membership, or with an invitation when no account exists. */
export type AddMemberResult = { membership: MembershipDto } | { invitation: InvitationDto };

function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const id = (value: string): string => encodeURIComponent(value);

/** A GET, written as one short line per endpoint below. */
function get<T>(path: string): Promise<T> {
  return requestJson<T>({ path });
}

/**
 * A POST, PATCH or DELETE; callers pass bodies through `validated`, which throws before
 * anything is sent when the body breaks the server's schema.
 */
function send<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  return requestJson<T>({ method, path, body });
}

/** Every API call the client makes, grouped by resource. */
export const api = {
  auth: {
    setupStatus: () => get<SetupStatusDto>('/api/auth/setup-status'),
    me: () => get<{ user: UserDto }>('/api/auth/me'),
    login: (body: z.input<typeof LoginBody>) =>
      send<{ user: UserDto }>('POST', '/api/auth/login', validated(LoginBody, body)),
    register: (body: z.input<typeof RegisterBody>) =>
      send<{ user: UserDto }>('POST', '/api/auth/register', validated(RegisterBody, body)),
    logout: () => send<void>('POST', '/api/auth/logout'),
    changePassword: (body: z.input<typeof ChangePasswordBody>) =>
      send<void>('POST', '/api/auth/password', validated(ChangePasswordBody, body)),
  },
  users: {
    /** Changes an account (a person: their own name and notification e-mail setting). */
    update: (userId: string, body: z.input<typeof UpdateUserBody>) =>
      send<{ user: UserDto }>('PATCH', `/api/users/${id(userId)}`, validated(UpdateUserBody, body)),
  },
  invitations: {
    get: (token: string) =>
      get<{ invitation: InvitationPreviewDto }>(`/api/invitations/${id(token)}`),
    /** The signed-in person joins with an invitation sent to their e-mail. */
    accept: (token: string) =>
      send<AcceptInvitationDto>('POST', `/api/invitations/${id(token)}/accept`),
  },
  organizations: {
    list: () => get<{ organizations: OrganizationDto[] }>('/api/organizations'),
    create: (body: z.input<typeof CreateOrganizationBody>) =>
      send<{ organization: OrganizationDto }>(
        'POST',
        '/api/organizations',
        validated(CreateOrganizationBody, body),
      ),
    remove: (organizationId: string) =>
      send<void>('DELETE', `/api/organizations/${id(organizationId)}`),
  },
  /** Network administration (admins only). */
  admin: {
    settings: () => get<{ settings: NetworkSettingsDto }>('/api/settings'),
    updateSettings: (body: z.input<typeof UpdateSettingsBody>) =>
      send<{ settings: NetworkSettingsDto }>(
        'PATCH',
        '/api/settings',
        validated(UpdateSettingsBody, body),
      ),
    invite: (body: z.input<typeof CreateInvitationBody>) =>
      send<{ invitation: InvitationDto }>(
        'POST',
        '/api/invitations',
        validated(CreateInvitationBody, body),
      ),
    /** Pending invitations of the whole network (those awaiting approval included). */
    invitations: () => get<{ invitations: InvitationDto[] }>('/api/invitations'),
    approveInvitation: (invitationId: string) =>
      send<{ invitation: InvitationDto }>('POST', `/api/invitations/${id(invitationId)}/approve`),
    revokeInvitation: (invitationId: string) =>
      send<void>('DELETE', `/api/invitations/${id(invitationId)}`),
  },
  workspaces: {
    list: () => get<{ workspaces: WorkspaceDto[] }>('/api/workspaces'),
    get: (workspaceId: string) =>
      get<{ workspace: WorkspaceDto }>(`/api/workspaces/${id(workspaceId)}`),
    create: (body: z.input<typeof CreateWorkspaceBody>) =>
      send<{ workspace: WorkspaceDto }>(
        'POST',
        '/api/workspaces',
        validated(CreateWorkspaceBody, body),
      ),
    members: (workspaceId: string) =>
      get<{ members: MembershipDto[] }>(`/api/workspaces/${id(workspaceId)}/members`),
    addMember: (input: { workspaceId: string; email: string; role: WorkspaceRole }) =>
      send<AddMemberResult>(
        'POST',
        `/api/workspaces/${id(input.workspaceId)}/members`,
        validated(AddMemberBody, { email: input.email, role: input.role }),
      ),
    changeRole: (input: { workspaceId: string; userId: string; role: WorkspaceRole }) =>
      send<{ membership: MembershipDto }>(
        'PATCH',
        `/api/workspaces/${id(input.workspaceId)}/members/${id(input.userId)}`,
        validated(ChangeMemberRoleBody, { role: input.role }),
      ),
    /** Pending invitations of the workspace (owners). */
    invitations: (workspaceId: string) =>
      get<{ invitations: InvitationDto[] }>(`/api/workspaces/${id(workspaceId)}/invitations`),
    revokeInvitation: (input: { workspaceId: string; invitationId: string }) =>
      send<void>(
        'DELETE',
        `/api/workspaces/${id(input.workspaceId)}/invitations/${id(input.invitationId)}`,
      ),
    removeMember: (input: { workspaceId: string; userId: string }) =>
      send<void>('DELETE', `/api/workspaces/${id(input.workspaceId)}/members/${id(input.userId)}`),
    documents: (input: { workspaceId: string; filters?: DocumentFilters }) =>
      get<{ documents: DocumentDto[] }>(
        `/api/workspaces/${id(input.workspaceId)}/documents${queryString({ ...input.filters })}`,
      ),
    /** The workspace's trash (owners only): documents that can still be restored. */
    trash: (workspaceId: string) =>
      get<{ documents: DocumentDto[] }>(
        `/api/workspaces/${id(workspaceId)}/documents${queryString({ trash: 1 })}`,
      ),
    createDocument: (input: { workspaceId: string; document: NewDocumentInput }) =>
      send<{ document: DocumentDto }>(
        'POST',
        `/api/workspaces/${id(input.workspaceId)}/documents`,
        validated(CreateDocumentBody, input.document),
      ),
    /** A new document from a Word (.docx) or Markdown file, uploaded as multipart. */
    importDocument: (input: {
      workspaceId: string;
      file: File;
      fields: z.input<typeof ImportFields>;
    }) => {
      const fields = validated(ImportFields, input.fields);
      const form = new FormData();
      form.set('kind', fields.kind);
      if (fields.title) form.set('title', fields.title);
      if (fields.keepOriginal) form.set('keepOriginal', 'true');
      form.set('file', input.file, input.file.name);
      return send<{ document: DocumentDto }>(
        'POST',
        `/api/workspaces/${id(input.workspaceId)}/documents/import`,
        form,
      );
    },
  },
  documents: {
    recent: (limit = 8) =>
      get<{ documents: DocumentDto[] }>(`/api/documents${queryString({ limit })}`),
    sharedWithMe: (limit = 20) =>
      get<{ documents: DocumentDto[] }>(`/api/documents/shared-with-me${queryString({ limit })}`),
    get: (documentId: string) => get<{ document: DocumentDto }>(`/api/documents/${id(documentId)}`),
    /** Who may use the document and how (owners): the share dialog's list. */
    access: (documentId: string) =>
      get<DocumentAccessDto>(`/api/documents/${id(documentId)}/access`),
    share: (input: { documentId: string; email: string; role: ShareRole }) =>
      send<CreateShareAnswer>(
        'POST',
        `/api/documents/${id(input.documentId)}/shares`,
        validated(CreateShareBody, { email: input.email, role: input.role }),
      ),
    /** Takes back a share or a pending document invitation (by the id the list shows). */
    revokeShare: (input: { documentId: string; shareId: string }) =>
      send<void>('DELETE', `/api/documents/${id(input.documentId)}/shares/${id(input.shareId)}`),
    /** The file a document was imported from, when the importer kept it (or null). */
    originalInfo: (documentId: string) =>
      get<{ original: OriginalFileDto | null }>(`/api/documents/${id(documentId)}/original/info`),
    /** Where the kept original file downloads from (a plain link, with the session cookie). */
    originalUrl: (documentId: string) => `/api/documents/${id(documentId)}/original`,
    /**
     * Where the browser downloads the document as a file (a link, not a fetch); `comments`
     * (Word only) adds the threads as Word comments and suggestions as tracked changes.
     */
    exportUrl: (documentId: string, format: ExportFormat, comments?: ExportComments) =>
      `/api/documents/${id(documentId)}/export${queryString({ format, comments })}`,
    update: (input: { documentId: string; patch: DocumentPatch }) =>
      send<{ document: DocumentDto }>(
        'PATCH',
        `/api/documents/${id(input.documentId)}`,
        validated(UpdateDocumentBody, input.patch),
      ),
    setStatus: (input: { documentId: string; status: DocumentStatus; note?: string }) =>
      send<{ document: DocumentDto }>(
        'POST',
        `/api/documents/${id(input.documentId)}/status`,
        validated(ChangeStatusBody, {
          status: input.status,
          ...(input.note ? { note: input.note } : {}),
        }),
      ),
    remove: (documentId: string) => send<void>('DELETE', `/api/documents/${id(documentId)}`),
    /** Brings a document back from the trash (owners; 410 `trash_expired` once too old). */
    restore: (documentId: string) =>
      send<{ document: DocumentDto }>('POST', `/api/documents/${id(documentId)}/restore`),
    addTemplateSections: (documentId: string) =>
      send<{ added: string[] }>('POST', `/api/documents/${id(documentId)}/template-sections`),
    collabToken: (documentId: string) =>
      send<CollabTokenDto>('POST', `/api/documents/${id(documentId)}/collab-token`),
  },
  versions: {
    list: (documentId: string) =>
      get<{ versions: VersionDto[] }>(`/api/documents/${id(documentId)}/versions`),
    create: (input: { documentId: string; label: string }) =>
      send<{ version: VersionDto }>(
        'POST',
        `/api/documents/${id(input.documentId)}/versions`,
        validated(CreateVersionBody, { label: input.label }),
      ),
    get: (versionId: string) => get<VersionTextDto>(`/api/versions/${id(versionId)}`),
    /** `compareWith`: another version's id, or `current` (the live text). */
    compare: (input: { versionId: string; compareWith: string }) =>
      get<VersionCompareDto>(
        `/api/versions/${id(input.versionId)}/compare${queryString({ with: input.compareWith })}`,
      ),
    restore: (versionId: string) =>
      send<{ version: VersionDto }>('POST', `/api/versions/${id(versionId)}/restore`),
  },
  search: (query: string, filters: SearchFilters = {}) =>
    get<SearchAnswerDto>(`/api/search${queryString({ q: query, ...filters })}`),
  suggestions: {
    /** The document's pending suggestions, in document order. */
    list: (documentId: string) =>
      get<{ suggestions: SuggestionDto[] }>(`/api/documents/${id(documentId)}/suggestions`),
    /** Accepts or rejects one suggestion (owners and editors), through the live document. */
    settle: (input: { documentId: string; suggestionId: string; outcome: 'accept' | 'reject' }) =>
      send<{ suggestion: { id: string; status: string } }>(
        'POST',
        `/api/documents/${id(input.documentId)}/suggestions/${encodeURIComponent(input.suggestionId)}/${input.outcome}`,
      ),
    /** Accepts or rejects every pending suggestion, or one author's, in one live change. */
    settleAll: (input: { documentId: string; outcome: 'accept' | 'reject'; authorId?: string }) =>
      send<SettleAllSuggestionsAnswer>(
        'POST',
        `/api/documents/${id(input.documentId)}/suggestions/${input.outcome}-all`,
        input.authorId ? { authorId: input.authorId } : {},
      ),
  },
  threads: {
    list: (documentId: string) =>
      get<{ threads: ThreadDto[] }>(`/api/documents/${id(documentId)}/threads`),
    /** Who a comment on the document may @-mention (its readers but the caller). */
    mentionable: (documentId: string) =>
      get<{ people: UserSummaryDto[] }>(`/api/documents/${id(documentId)}/mentionable`),
    create: (input: { documentId: string; body: z.input<typeof CreateThreadBody> }) =>
      send<{ thread: ThreadDto }>(
        'POST',
        `/api/documents/${id(input.documentId)}/threads`,
        validated(CreateThreadBody, input.body),
      ),
    reply: (input: { threadId: string; body: z.input<typeof CreateCommentBody> }) =>
      send<{ comment: CommentDto }>(
        'POST',
        `/api/threads/${id(input.threadId)}/comments`,
        validated(CreateCommentBody, input.body),
      ),
    update: (input: { threadId: string; body: z.input<typeof UpdateThreadBody> }) =>
      send<{ thread: ThreadDto }>(
        'PATCH',
        `/api/threads/${id(input.threadId)}`,
        validated(UpdateThreadBody, input.body),
      ),
    editComment: (input: { commentId: string; body: z.input<typeof UpdateCommentBody> }) =>
      send<{ comment: CommentDto }>(
        'PATCH',
        `/api/comments/${id(input.commentId)}`,
        validated(UpdateCommentBody, input.body),
      ),
    deleteComment: (commentId: string) => send<void>('DELETE', `/api/comments/${id(commentId)}`),
  },
  notifications: {
    list: () =>
      get<{ notifications: NotificationDto[]; unreadCount: number }>('/api/notifications'),
    markRead: (body: z.input<typeof MarkNotificationsReadBody>) =>
      send<{ marked: number }>(
        'POST',
        '/api/notifications/read',
        validated(MarkNotificationsReadBody, body),
      ),
  },
  reviewSessions: {
    ofDocument: (documentId: string) =>
      get<{ sessions: ReviewSessionDto[] }>(`/api/documents/${id(documentId)}/review-sessions`),
    /** The caller's scheduled and live sessions (the dashboard). */
    upcoming: () => get<{ sessions: ReviewSessionDto[] }>('/api/review-sessions'),
    schedule: (input: { documentId: string; body: z.input<typeof CreateReviewSessionBody> }) =>
      send<{ session: ReviewSessionDto }>(
        'POST',
        `/api/documents/${id(input.documentId)}/review-sessions`,
        validated(CreateReviewSessionBody, input.body),
      ),
    /** A facilitator's move, guarded by the item the page shows as current. */
    move: (input: {
      sessionId: string;
      move: 'start' | 'next' | 'back';
      fromItemId: string | null;
    }) =>
      send<{ session: ReviewSessionDto }>(
        'POST',
        `/api/review-sessions/${id(input.sessionId)}/${input.move}`,
        validated(SessionMoveBody, { fromItemId: input.fromItemId }),
      ),
    /**
     * More time for the current item, guarded by the version the page shows: a second tab
     * pressing it for the same state is refused (409) instead of adding the time twice.
     */
    extend: (input: { sessionId: string; minutes: number; expectedVersion: number }) =>
      send<{ session: ReviewSessionDto }>(
        'POST',
        `/api/review-sessions/${id(input.sessionId)}/extend`,
        validated(ExtendSessionBody, {
          minutes: input.minutes,
          expectedVersion: input.expectedVersion,
        }),
      ),
    end: (sessionId: string) =>
      send<{ session: ReviewSessionDto; minutesDocumentId: string | null }>(
        'POST',
        `/api/review-sessions/${id(sessionId)}/end`,
      ),
    /** Hands the session over, guarded by the version the page shows. */
    handOver: (input: { sessionId: string; facilitatorId: string; expectedVersion: number }) =>
      send<{ session: ReviewSessionDto }>(
        'PUT',
        `/api/review-sessions/${id(input.sessionId)}/facilitator`,
        validated(HandOverBody, {
          facilitatorId: input.facilitatorId,
          expectedVersion: input.expectedVersion,
        }),
      ),
    decide: (input: { sessionId: string; itemId: string; text: string }) =>
      send<{ session: ReviewSessionDto }>(
        'PUT',
        `/api/review-sessions/${id(input.sessionId)}/decisions/${id(input.itemId)}`,
        validated(DecisionBody, { text: input.text }),
      ),
    raiseHand: (sessionId: string) =>
      send<{ session: ReviewSessionDto }>('POST', `/api/review-sessions/${id(sessionId)}/hands`),
    lowerHand: (input: { sessionId: string; userId: string }) =>
      send<{ session: ReviewSessionDto }>(
        'DELETE',
        `/api/review-sessions/${id(input.sessionId)}/hands/${id(input.userId)}`,
      ),
  },
  reviewRequests: {
    request: (input: { documentId: string; body: z.input<typeof RequestReviewBody> }) =>
      send<{ requests: ReviewRequestDto[] }>(
        'POST',
        `/api/documents/${id(input.documentId)}/review-requests`,
        validated(RequestReviewBody, input.body),
      ),
    /** Who may be asked to review: members and direct shares who can comment. */
    candidates: (documentId: string) =>
      get<{ people: ReviewCandidateDto[] }>(`/api/documents/${id(documentId)}/review-candidates`),
    ofDocument: (documentId: string) =>
      get<{ requests: ReviewRequestDto[] }>(`/api/documents/${id(documentId)}/review-requests`),
    history: (documentId: string) =>
      get<{ history: StatusChangeDto[] }>(`/api/documents/${id(documentId)}/status-history`),
    /** "Awaiting my review". */
    awaiting: () => get<{ requests: ReviewRequestDto[] }>('/api/review-requests'),
    answer: (input: { requestId: string; body: z.input<typeof AnswerReviewBody> }) =>
      send<{ request: ReviewRequestDto }>(
        'POST',
        `/api/review-requests/${id(input.requestId)}/answer`,
        validated(AnswerReviewBody, input.body),
      ),
  },
};
