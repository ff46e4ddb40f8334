/**
 * The table of the authorization matrix (`authorization-matrix.test.ts`): one row per
 * endpoint, one column per kind of caller, each cell the exact HTTP status expected.
 * Data only, kept one row per line so a policy change shows up as a one-cell diff.
 */
import type { DocumentRecord, Invitation, User, Workspace } from '../../server/storage/types';

/** Columns of the table, in this order. */
export const CALLERS = [
  'owner',
  'editor',
  'reviewer',
  'viewer',
  'nonMember',
  'anonymous',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/** Fresh data for one cell. */
export interface Cell {
  workspace: Workspace;
  /** A draft created by the editor. */
  document: DocumentRecord;
  /** A draft created by the owner. */
  ownersDocument: DocumentRecord;
  /** A document already in review. */
  inReview: DocumentRecord;
  /** A document in the trash (deleted yesterday). */
  trashed: DocumentRecord;
  /** A viewer who is nobody in this test: the target of role changes and removals. */
  extraMember: User;
  /** An existing account that is not a member yet. */
  newcomer: User;
  /** A pending invitation to this workspace. */
  invitation: Invitation;
  /** The id of whoever is calling (anonymous: a made-up id). */
  selfId: string;
}

/** One endpoint and the status each caller must get. */
export interface Row {
  name: string;
  request: (cell: Cell) => { method: string; path: string; body?: unknown };
  expected: [
    owner: number,
    editor: number,
    reviewer: number,
    viewer: number,
    nonMember: number,
    anonymous: number,
    admin: number,
  ];
}

const ws = (cell: Cell): string => `/api/workspaces/${cell.workspace.id}`;
const doc = (id: string): string => `/api/documents/${id}`;

// prettier-ignore
export const ROWS: Row[] = [
  { name: 'POST /api/workspaces',                                  request: () => ({ method: 'POST', path: '/api/workspaces', body: { name: 'New line of work' } }),                expected: [201, 201, 201, 201, 201, 401, 201] },
  { name: 'GET /api/workspaces',                                   request: () => ({ method: 'GET', path: '/api/workspaces' }),                                                    expected: [200, 200, 200, 200, 200, 401, 200] },
  { name: 'GET /api/workspaces/:id',                               request: (c) => ({ method: 'GET', path: ws(c) }),                                                               expected: [200, 200, 200, 200, 404, 401, 200] },
  { name: 'PATCH /api/workspaces/:id',                             request: (c) => ({ method: 'PATCH', path: ws(c), body: { name: 'Renamed' } }),                                  expected: [200, 403, 403, 403, 404, 401, 200] },
  { name: 'GET /api/workspaces/:id/members',                       request: (c) => ({ method: 'GET', path: `${ws(c)}/members` }),                                                  expected: [200, 200, 200, 200, 404, 401, 200] },
  { name: 'POST /api/workspaces/:id/members (account)',            request: (c) => ({ method: 'POST', path: `${ws(c)}/members`, body: { email: c.newcomer.email, role: 'editor' } }), expected: [201, 403, 403, 403, 404, 401, 201] },
  { name: 'POST /api/workspaces/:id/members (invitation)',         request: (c) => ({ method: 'POST', path: `${ws(c)}/members`, body: { email: `nobody-${c.newcomer.id}@example.test`, role: 'viewer' } }), expected: [201, 403, 403, 403, 404, 401, 201] },
  { name: 'PATCH /api/workspaces/:id/members/:userId',             request: (c) => ({ method: 'PATCH', path: `${ws(c)}/members/${c.extraMember.id}`, body: { role: 'editor' } }), expected: [200, 403, 403, 403, 404, 401, 200] },
  { name: 'DELETE /api/workspaces/:id/members/:userId (other)',    request: (c) => ({ method: 'DELETE', path: `${ws(c)}/members/${c.extraMember.id}` }),                          expected: [204, 403, 403, 403, 404, 401, 204] },
  { name: 'DELETE /api/workspaces/:id/members/:userId (leave)',    request: (c) => ({ method: 'DELETE', path: `${ws(c)}/members/${c.selfId}` }),                                  expected: [409, 204, 204, 204, 404, 401, 404] },
  { name: 'GET /api/workspaces/:id/invitations',                   request: (c) => ({ method: 'GET', path: `${ws(c)}/invitations` }),                                              expected: [200, 403, 403, 403, 404, 401, 200] },
  { name: 'DELETE /api/workspaces/:id/invitations/:invitationId',  request: (c) => ({ method: 'DELETE', path: `${ws(c)}/invitations/${c.invitation.id}` }),                      expected: [204, 403, 403, 403, 404, 401, 204] },
  { name: 'POST /api/workspaces/:id/documents',                    request: (c) => ({ method: 'POST', path: `${ws(c)}/documents`, body: { title: 'Minutes', kind: 'minutes' } }),  expected: [201, 201, 403, 403, 404, 401, 201] },
  { name: 'GET /api/workspaces/:id/documents',                     request: (c) => ({ method: 'GET', path: `${ws(c)}/documents` }),                                                expected: [200, 200, 200, 200, 404, 401, 200] },
  { name: 'GET /api/workspaces/:id/documents?trash=1',             request: (c) => ({ method: 'GET', path: `${ws(c)}/documents?trash=1` }),                                        expected: [200, 403, 403, 403, 404, 401, 200] },
  { name: 'GET /api/documents',                                    request: () => ({ method: 'GET', path: '/api/documents' }),                                                     expected: [200, 200, 200, 200, 200, 401, 200] },
  { name: 'GET /api/documents/:id',                                request: (c) => ({ method: 'GET', path: doc(c.document.id) }),                                                  expected: [200, 200, 200, 200, 404, 401, 200] },
  { name: 'GET /api/documents/:id (trashed)',                      request: (c) => ({ method: 'GET', path: doc(c.trashed.id) }),                                                   expected: [404, 404, 404, 404, 404, 401, 404] },
  { name: 'GET /api/documents/:id?includeTrashed=1',               request: (c) => ({ method: 'GET', path: `${doc(c.trashed.id)}?includeTrashed=1` }),                             expected: [200, 404, 404, 404, 404, 401, 200] },
  { name: 'PATCH /api/documents/:id',                              request: (c) => ({ method: 'PATCH', path: doc(c.document.id), body: { title: 'Retitled' } }),                   expected: [200, 200, 403, 403, 404, 401, 200] },
  { name: 'POST /api/documents/:id/status draft→in-review',         request: (c) => ({ method: 'POST', path: `${doc(c.document.id)}/status`, body: { status: 'in-review' } }),      expected: [200, 200, 403, 403, 404, 401, 200] },
  { name: 'POST /api/documents/:id/status in-review→draft',         request: (c) => ({ method: 'POST', path: `${doc(c.inReview.id)}/status`, body: { status: 'draft' } }),          expected: [200, 200, 403, 403, 404, 401, 200] },
  { name: 'POST /api/documents/:id/status in-review→approved',      request: (c) => ({ method: 'POST', path: `${doc(c.inReview.id)}/status`, body: { status: 'approved' } }),       expected: [200, 403, 403, 403, 404, 401, 200] },
  { name: 'POST /api/documents/:id/status draft→published',         request: (c) => ({ method: 'POST', path: `${doc(c.document.id)}/status`, body: { status: 'published' } }),      expected: [409, 409, 403, 403, 404, 401, 409] },
  { name: 'DELETE /api/documents/:id (created by the editor)',     request: (c) => ({ method: 'DELETE', path: doc(c.document.id) }),                                               expected: [204, 204, 403, 403, 404, 401, 204] },
  { name: 'DELETE /api/documents/:id (created by the owner)',      request: (c) => ({ method: 'DELETE', path: doc(c.ownersDocument.id) }),                                         expected: [204, 403, 403, 403, 404, 401, 204] },
  { name: 'POST /api/documents/:id/restore',                       request: (c) => ({ method: 'POST', path: `${doc(c.trashed.id)}/restore` }),                                     expected: [200, 404, 404, 404, 404, 401, 200] },
  { name: 'POST /api/documents/:id/collab-token',                  request: (c) => ({ method: 'POST', path: `${doc(c.document.id)}/collab-token` }),                               expected: [200, 200, 200, 200, 404, 401, 200] },
  { name: 'POST /api/documents/:id/collab-token (trashed)',        request: (c) => ({ method: 'POST', path: `${doc(c.trashed.id)}/collab-token` }),                                expected: [404, 404, 404, 404, 404, 401, 404] },
  { name: 'GET /api/documents/:id/export (draft)',                request: (c) => ({ method: 'GET', path: `${doc(c.document.id)}/export?format=md` }),                           expected: [200, 200, 200, 200, 404, 404, 200] },
  { name: 'GET /api/documents/:id/export (trashed)',              request: (c) => ({ method: 'GET', path: `${doc(c.trashed.id)}/export?format=md` }),                            expected: [404, 404, 404, 404, 404, 404, 404] },
];
