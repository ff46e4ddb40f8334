/**
 * The typed API client: one function per endpoint the UI uses, answering with the DTOs the
 * server's presenters send (shared/api/entities.ts). Pages never call `fetch` themselves. The
 * review calls (suggestions, threads, sessions, requests) are in `reviewCalls.ts`.
 */
import type { z } from 'zod';
import type {
  CollabTokenDto,
  DocumentDto,
  InvitationDto,
  MembershipDto,
  OrganizationDto,
  UserDto,
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
import { CreateOrganizationBody } from '../../../shared/api/organizations';
import { UpdateSettingsBody, type NetworkSettingsDto } from '../../../shared/api/settings';
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
import { get, id, queryString, send, validated } from './http';
import { reviewCalls } from './reviewCalls';

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
  ...reviewCalls,
};
