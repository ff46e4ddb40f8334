/**
 * The typed API client: one function per endpoint the UI uses, answering with the DTOs the
 * server's presenters send (shared/api/entities.ts). Pages never call `fetch` themselves.
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
import { CreateOrganizationBody } from '../../../shared/api/organizations';
import { UpdateSettingsBody, type NetworkSettingsDto } from '../../../shared/api/settings';
import { CreateInvitationBody } from '../../../shared/api/users';
import type {
  DocumentKind,
  DocumentStatus,
  PolicyArea,
  WorkspaceRole,
} from '../../../shared/domain';
import { requestJson, validated } from './http';

/** Filters of a workspace's document list; empty values are left out of the query. */
export interface DocumentFilters {
  kind?: DocumentKind | '';
  status?: DocumentStatus | '';
  cityId?: string;
  policyArea?: PolicyArea | '';
  q?: string;
}

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

/** Every API call the client makes, grouped by resource. */
export const api = {
  auth: {
    setupStatus: () => requestJson<SetupStatusDto>({ path: '/api/auth/setup-status' }),
    me: () => requestJson<{ user: UserDto }>({ path: '/api/auth/me' }),
    login: (body: z.input<typeof LoginBody>) =>
      requestJson<{ user: UserDto }>({
        method: 'POST',
        path: '/api/auth/login',
        body: validated(LoginBody, body),
      }),
    register: (body: z.input<typeof RegisterBody>) =>
      requestJson<{ user: UserDto }>({
        method: 'POST',
        path: '/api/auth/register',
        body: validated(RegisterBody, body),
      }),
    logout: () => requestJson<void>({ method: 'POST', path: '/api/auth/logout' }),
    changePassword: (body: z.input<typeof ChangePasswordBody>) =>
      requestJson<void>({
        method: 'POST',
        path: '/api/auth/password',
        body: validated(ChangePasswordBody, body),
      }),
  },
  invitations: {
    get: (token: string) =>
      requestJson<{ invitation: InvitationPreviewDto }>({ path: `/api/invitations/${id(token)}` }),
  },
  organizations: {
    list: () => requestJson<{ organizations: OrganizationDto[] }>({ path: '/api/organizations' }),
    create: (body: z.input<typeof CreateOrganizationBody>) =>
      requestJson<{ organization: OrganizationDto }>({
        method: 'POST',
        path: '/api/organizations',
        body: validated(CreateOrganizationBody, body),
      }),
    remove: (organizationId: string) =>
      requestJson<void>({ method: 'DELETE', path: `/api/organizations/${id(organizationId)}` }),
  },
  /** Network administration (admins only). */
  admin: {
    settings: () => requestJson<{ settings: NetworkSettingsDto }>({ path: '/api/settings' }),
    updateSettings: (body: z.input<typeof UpdateSettingsBody>) =>
      requestJson<{ settings: NetworkSettingsDto }>({
        method: 'PATCH',
        path: '/api/settings',
        body: validated(UpdateSettingsBody, body),
      }),
    invite: (body: z.input<typeof CreateInvitationBody>) =>
      requestJson<{ invitation: InvitationDto }>({
        method: 'POST',
        path: '/api/invitations',
        body: validated(CreateInvitationBody, body),
      }),
  },
  workspaces: {
    list: () => requestJson<{ workspaces: WorkspaceDto[] }>({ path: '/api/workspaces' }),
    get: (workspaceId: string) =>
      requestJson<{ workspace: WorkspaceDto }>({ path: `/api/workspaces/${id(workspaceId)}` }),
    create: (body: z.input<typeof CreateWorkspaceBody>) =>
      requestJson<{ workspace: WorkspaceDto }>({
        method: 'POST',
        path: '/api/workspaces',
        body: validated(CreateWorkspaceBody, body),
      }),
    members: (workspaceId: string) =>
      requestJson<{ members: MembershipDto[] }>({
        path: `/api/workspaces/${id(workspaceId)}/members`,
      }),
    addMember: (input: { workspaceId: string; email: string; role: WorkspaceRole }) =>
      requestJson<AddMemberResult>({
        method: 'POST',
        path: `/api/workspaces/${id(input.workspaceId)}/members`,
        body: validated(AddMemberBody, { email: input.email, role: input.role }),
      }),
    changeRole: (input: { workspaceId: string; userId: string; role: WorkspaceRole }) =>
      requestJson<{ membership: MembershipDto }>({
        method: 'PATCH',
        path: `/api/workspaces/${id(input.workspaceId)}/members/${id(input.userId)}`,
        body: validated(ChangeMemberRoleBody, { role: input.role }),
      }),
    removeMember: (input: { workspaceId: string; userId: string }) =>
      requestJson<void>({
        method: 'DELETE',
        path: `/api/workspaces/${id(input.workspaceId)}/members/${id(input.userId)}`,
      }),
    documents: (input: { workspaceId: string; filters?: DocumentFilters }) =>
      requestJson<{ documents: DocumentDto[] }>({
        path: `/api/workspaces/${id(input.workspaceId)}/documents${queryString({ ...input.filters })}`,
      }),
    createDocument: (input: { workspaceId: string; document: NewDocumentInput }) =>
      requestJson<{ document: DocumentDto }>({
        method: 'POST',
        path: `/api/workspaces/${id(input.workspaceId)}/documents`,
        body: validated(CreateDocumentBody, input.document),
      }),
  },
  documents: {
    recent: (limit = 8) =>
      requestJson<{ documents: DocumentDto[] }>({
        path: `/api/documents${queryString({ limit })}`,
      }),
    get: (documentId: string) =>
      requestJson<{ document: DocumentDto }>({ path: `/api/documents/${id(documentId)}` }),
    update: (input: { documentId: string; patch: DocumentPatch }) =>
      requestJson<{ document: DocumentDto }>({
        method: 'PATCH',
        path: `/api/documents/${id(input.documentId)}`,
        body: validated(UpdateDocumentBody, input.patch),
      }),
    setStatus: (input: { documentId: string; status: DocumentStatus }) =>
      requestJson<{ document: DocumentDto }>({
        method: 'POST',
        path: `/api/documents/${id(input.documentId)}/status`,
        body: validated(ChangeStatusBody, { status: input.status }),
      }),
    remove: (documentId: string) =>
      requestJson<void>({ method: 'DELETE', path: `/api/documents/${id(documentId)}` }),
    collabToken: (documentId: string) =>
      requestJson<CollabTokenDto>({
        method: 'POST',
        path: `/api/documents/${id(documentId)}/collab-token`,
      }),
  },
};
