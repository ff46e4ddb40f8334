/**
 * Integration-test helpers: a real server on port 0 with a fresh SQLite database in a temp
 * dir (a fresh MongoDB database when the run sets MONGODB_URI), and a tiny fetch-based API client that keeps the session cookie like a browser.
 *
 *   const server = await startTestServer();
 *   const admin = createApiClient(server.url);
 *   await signUpAdmin(admin);
 *   const member = await inviteAndRegister({ admin, baseUrl: server.url });
 *   const res = await member.client.get('/api/auth/me');   // { status, body, headers }
 *   await server.close();
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { InvitationDto, UserDto } from '../../shared/api/entities';
import { loadConfig, type RawEnv } from '../../server/env';
import { startServer, type RunningServer, type ServerTuning } from '../../server/server';
import type { Logger } from '../../server/logger';
import type { Storage } from '../../server/storage/types';
import { dropMongoTestDatabase, mongoEnvFor } from './mongoTestDatabases';

/** Env variables a test may override (string values, as in `process.env`). */
export type TestEnvOverrides = Partial<Record<keyof RawEnv, string>>;

export interface TestServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  server: RunningServer;
  storage: Storage;
  /** Its DATA_DIR (a second server may start on it: `startTestServer({}, { dataDir })`). */
  dataDir: string;
  /** Stops the server and deletes its data dir (unless it was given in the options). */
  close(): Promise<void>;
}

/** A fixed secret so tests never write a generated one (and tokens are reproducible). */
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdefghijklmnop';

/** Server options that are not env variables. */
export interface TestServerOptions {
  /** Serve the client from here (browser tests pass their private build). */
  clientDir?: string;
  /** Internal knobs (e.g. a slow access re-check, so only a direct re-check explains a close). */
  tuning?: ServerTuning;
  /** Log here instead of a silent logger (tests that look at what was logged). */
  logger?: Logger;
  /**
   * Run on this data dir (and its MongoDB database) instead of a fresh one, e.g. a second
   * server after a restart. The caller owns it: `close` leaves it in place.
   */
  dataDir?: string;
}

/**
 * Starts the real server (`startServer`) on 127.0.0.1:0 with its own temp DATA_DIR.
 * The auth, creation and export rate limits are high by default so helpers can sign many people in
 * and create freely; tests of a limit pass e.g. `{ AUTH_RATE_LIMIT: '3' }`.
 */
export async function startTestServer(
  overrides: TestEnvOverrides = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const isOwnDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'clip-test-')));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // MongoDB in a database of its own when the run sets MONGODB_URI; else SQLite in dataDir.
    ...mongoEnvFor(dataDir),
    LOG_LEVEL: 'silent',
    SESSION_SECRET: TEST_SESSION_SECRET,
    AUTH_RATE_LIMIT: '10000',
    INVITATION_RATE_LIMIT: '10000',
    WORKSPACE_RATE_LIMIT: '10000',
    DOCUMENT_RATE_LIMIT: '10000',
    EXPORT_RATE_LIMIT: '10000',
    ...overrides,
  });
  const server = await startServer({
    config,
    ...(options.clientDir ? { clientDir: options.clientDir } : {}),
    ...(options.tuning ? { tuning: options.tuning } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    url: server.url,
    server,
    storage: server.storage,
    dataDir,
    close: async () => {
      await server.close();
      if (!isOwnDataDir) return;
      await dropMongoTestDatabase(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Default answer type: the common keys typed, anything else `unknown`. Pass a type argument
 * for precise bodies: `client.get<{ workspaces: WorkspaceDto[] }>('/api/workspaces')`.
 */
export interface ApiResponseBody {
  error?: { code: string; message: string; details?: unknown };
  user?: UserDto;
  users?: UserDto[];
  invitation?: InvitationDto;
  [key: string]: unknown;
}

/** Present on every 4xx/5xx answer, whatever the success type `T` is. */
export interface ApiErrorPart {
  error?: { code: string; message: string; details?: unknown };
}

export interface ApiResponse<T = ApiResponseBody> {
  status: number;
  /** Parsed JSON, the text for non-JSON answers, or null for an empty body. */
  body: T & ApiErrorPart;
  headers: Headers;
}

export interface ApiClient {
  readonly baseUrl: string;
  /** The raw `clip_session` cookie value, or null. */
  readonly sessionToken: string | null;
  /** Any method; `body` is sent as JSON unless it is a string (sent as is, for malformed-input tests). */
  request<T = ApiResponseBody>(options: {
    method: string;
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
  }): Promise<ApiResponse<T>>;
  get<T = ApiResponseBody>(path: string): Promise<ApiResponse<T>>;
  post<T = ApiResponseBody>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = ApiResponseBody>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = ApiResponseBody>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = ApiResponseBody>(path: string): Promise<ApiResponse<T>>;
  /** The Cookie header this client sends (for Socket.IO handshakes in tests). */
  cookieHeader(): string;
}

/**
 * A fetch wrapper that behaves like a same-origin browser: keeps the session cookie,
 * sends `Origin: baseUrl` and JSON.
 */
export function createApiClient(baseUrl: string): ApiClient {
  let sessionToken: string | null = null;

  const cookieHeader = (): string => (sessionToken ? `clip_session=${sessionToken}` : '');

  const request = async <T>(options: {
    method: string;
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
  }): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { Origin: baseUrl, Accept: 'application/json' };
    if (sessionToken) headers.Cookie = cookieHeader();
    let payload: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}${options.path}`, {
      method: options.method,
      headers: { ...headers, ...options.headers },
      ...(payload !== undefined ? { body: payload } : {}),
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const match = /^clip_session=([^;]*)/.exec(setCookie);
      if (match) sessionToken = match[1] ? match[1] : null;
    }
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
    const body = text === '' ? null : isJson ? (JSON.parse(text) as unknown) : text;
    return { status: response.status, body: body as T & ApiErrorPart, headers: response.headers };
  };

  return {
    baseUrl,
    get sessionToken() {
      return sessionToken;
    },
    request,
    get: (path) => request({ method: 'GET', path }),
    post: (path, body) => request({ method: 'POST', path, body }),
    patch: (path, body) => request({ method: 'PATCH', path, body }),
    put: (path, body) => request({ method: 'PUT', path, body }),
    delete: (path) => request({ method: 'DELETE', path }),
    cookieHeader,
  };
}

/** A registered, signed-in person and the password they chose. */
export interface SignedUpUser {
  client: ApiClient;
  user: UserDto;
  email: string;
  password: string;
}

function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/** Registers the first account (the network admin) with `client`; throws unless 201. */
export async function signUpAdmin(
  client: ApiClient,
  overrides: Partial<{ name: string; email: string; password: string }> = {},
): Promise<SignedUpUser> {
  const email = overrides.email ?? uniqueEmail('admin');
  const password = overrides.password ?? 'admin-password-1';
  const res = await client.post('/api/auth/register', {
    name: overrides.name ?? 'Network Admin',
    email,
    password,
  });
  if (res.status !== 201 || !res.body.user)
    throw new Error(`signUpAdmin failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, user: res.body.user, email, password };
}

/** Registers a new person with an invitation token, in a fresh client; throws unless 201. */
export async function registerWithInvitation(options: {
  baseUrl: string;
  token: string;
  email: string;
  name?: string;
  password?: string;
}): Promise<SignedUpUser> {
  const client = createApiClient(options.baseUrl);
  const password = options.password ?? 'member-password-1';
  const res = await client.post('/api/auth/register', {
    name: options.name ?? 'Invited Member',
    email: options.email,
    password,
    inviteToken: options.token,
  });
  if (res.status !== 201 || !res.body.user) {
    throw new Error(`registerWithInvitation failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { client, user: res.body.user, email: options.email, password };
}

/**
 * The admin invites a new person to the network, who registers with the token in their own
 * signed-in client. For workspace invitations use the workspace members endpoint, then
 * `registerWithInvitation` with the token it returns.
 */
export async function inviteAndRegister(options: {
  admin: ApiClient;
  baseUrl?: string;
  email?: string;
  name?: string;
  password?: string;
}): Promise<SignedUpUser> {
  const email = options.email ?? uniqueEmail('member');
  const invited = await options.admin.post('/api/invitations', { email });
  const token = invited.body.invitation?.token;
  if (invited.status !== 201 || !token) {
    throw new Error(
      `inviteAndRegister: invitation failed: ${invited.status} ${JSON.stringify(invited.body)}`,
    );
  }
  return registerWithInvitation({
    baseUrl: options.baseUrl ?? options.admin.baseUrl,
    token,
    email,
    ...(options.name ? { name: options.name } : {}),
    ...(options.password ? { password: options.password } : {}),
  });
}
