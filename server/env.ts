/**
 * Configuration, parsed once and synchronously from `process.env` with zod.
 * Every problem is listed at startup (not just the first). See `.env.example`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_COLLAB_OPTIONS, type CollabOptions } from './collab/options';
import { DEFAULT_REALTIME_OPTIONS, type RealtimeOptions } from './realtime/options';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** TCP port of the one HTTP server (API, client, /collab, /socket.io). 0 picks a free one. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Where SQLite's database and the generated session secret live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** When set, MongoDB (through mongoose) is the store instead of SQLite. */
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  /**
   * Refuse to start on a standalone MongoDB (no transactions) instead of running without
   * them. Default: true in production, false elsewhere (docs/STORAGE.md, "Transactions").
   */
  MONGODB_REQUIRE_TRANSACTIONS: z.enum(['1', '0', 'true', 'false', 'yes', 'no']).optional(),
  /**
   * When set, several server processes share live state through this Redis (Socket.IO
   * events, the Yjs relay, presence, connection caps, access revocations): docs/SCALING.md.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  /** Signs session-bound values and collab tokens; generated into DATA_DIR when absent. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * The address people use to reach the product; origin checks and links derive from it.
   * Required in production, where the Host header (which any client sets) is never trusted.
   */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /**
   * Where notification e-mail goes (nodemailer): `smtp://user:pass@host:587` or `smtps://…`;
   * `json:` hands each message to nodemailer's JSON transport (tests read it, nothing is sent).
   * Unset: no mail is sent; each would-be mail is logged (recipient and subject) instead.
   */
  SMTP_URL: z
    .string()
    .regex(/^(smtps?:\/\/.+|json:)$/, 'must be smtp://…, smtps://… or json:')
    .optional(),
  /** The From address of notification e-mail. */
  MAIL_FROM: z.string().min(3).default('CLIP Workspace <no-reply@localhost>'),
  /**
   * How long a notification may stay unread in the app before it is e-mailed, in seconds;
   * what is due for one person then leaves as one digest (checked every min(delay, 30 s)).
   */
  NOTIFICATION_EMAIL_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(15 * 60),
  /** Fill an empty database with the CLIP demo network at startup. */
  DEMO: booleanFlag,
  /** Extra origins allowed to make state-changing requests (comma separated). */
  ALLOWED_ORIGINS: z.string().optional(),
  /** Lifetime of a collab token in seconds. */
  COLLAB_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** Lifetime of a sign-in session in days. */
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Sign-in/registration attempts allowed per IP per window. */
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  AUTH_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Invitations one account may create per creation window (workspace members and admin's). */
  INVITATION_RATE_LIMIT: z.coerce.number().int().min(1).default(50),
  /** Workspaces one account may create per creation window. */
  WORKSPACE_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Documents (new or imported) one account may create per creation window. */
  DOCUMENT_RATE_LIMIT: z.coerce.number().int().min(1).default(200),
  /** The window of the three creation limits above, in seconds. */
  CREATION_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  /**
   * Express `trust proxy`: hops of reverse proxies in front of the server (0 = none), so
   * rate limits and the audit log see the client's address rather than the balancer's.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Largest collab WebSocket message in bytes; a bigger one closes the connection (4413). */
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(DEFAULT_COLLAB_OPTIONS.maxMessageBytes),
  /** Cap on one document's encoded size in bytes; an edit beyond it closes the connection (4413). */
  COLLAB_MAX_DOC_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(DEFAULT_COLLAB_OPTIONS.maxDocBytes),
  /** Open collab connections allowed on one document. */
  COLLAB_MAX_CONNECTIONS_PER_DOC: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_COLLAB_OPTIONS.maxConnectionsPerDocument),
  /** Open collab connections allowed for one account (all documents, all tabs). */
  COLLAB_MAX_CONNECTIONS_PER_USER: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_COLLAB_OPTIONS.maxConnectionsPerUser),
  /** Open Socket.IO connections allowed for one account (all tabs); more are refused. */
  REALTIME_MAX_CONNECTIONS_PER_USER: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_REALTIME_OPTIONS.maxConnectionsPerUser),
  /** Document exports one account (or, signed out, one IP) may download per minute. */
  EXPORT_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /**
   * Largest file accepted by document imports (.docx, .md), in bytes; bigger: 413. At most
   * 15 MB: a kept original file is one MongoDB record, and those hold up to 16 MB.
   */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(15 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Largest total a .docx may unpack to, in bytes (zip bombs); bigger: 413. */
  IMPORT_MAX_UNCOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(50 * 1024 * 1024),
});

export type RawEnv = z.infer<typeof envSchema>;

/** The parsed, complete configuration every factory receives. */
export interface Config {
  nodeEnv: RawEnv['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  mongodbUri: string | null;
  /** Whether a MongoDB without transactions (a standalone server) is refused at startup. */
  mongodbRequireTransactions: boolean;
  /** Redis shared by every process of one deployment; null runs everything in this process. */
  redisUrl: string | null;
  sessionSecret: string;
  publicUrl: string | null;
  /**
   * Whether a request's Host header may stand in for PUBLIC_URL (same-host origin checks,
   * links). False in production: a client picks its Host header, and a proxy may pass it on.
   */
  isHostHeaderTrusted: boolean;
  logLevel: RawEnv['LOG_LEVEL'];
  /** E-mail: SMTP_URL (null: logged, not sent), the From address, the digest's delay. */
  mail: MailConfig;
  isDemo: boolean;
  allowedOrigins: string[];
  collabTokenTtlSeconds: number;
  sessionTtlDays: number;
  authRateLimit: number;
  authRateWindowSeconds: number;
  /** Per-account creation budgets per `creationRateWindowSeconds`. */
  creationRateLimits: Record<CreationBucket, number>;
  creationRateWindowSeconds: number;
  trustProxyHops: number;
  /** The collab limits an operator may tune; every other collab knob keeps its default. */
  collabLimits: CollabLimits;
  /** The Socket.IO limits an operator may tune; the others keep their defaults. */
  realtimeLimits: RealtimeLimits;
  /** Caps on uploaded files for document imports. */
  importLimits: ImportLimits;
  /** Exports per account (or IP, signed out) per minute. */
  exportRateLimit: number;
}

/** How e-mail leaves the server. */
export interface MailConfig {
  /** `smtp(s)://…`, `json:` (nodemailer's JSON transport), or null (log instead of send). */
  smtpUrl: string | null;
  from: string;
  /** How long a notification stays unread in the app before the digest e-mails it. */
  digestDelayMs: number;
}

/** Caps on one import: the upload's size and what a .docx may unpack to. */
export interface ImportLimits {
  maxBytes: number;
  maxUncompressedBytes: number;
}

/** What the per-account creation limits count separately. */
export type CreationBucket = 'invitations' | 'workspaces' | 'documents';

/** The subset of `CollabOptions` settable from the environment. */
export type CollabLimits = Pick<
  CollabOptions,
  'maxMessageBytes' | 'maxDocBytes' | 'maxConnectionsPerDocument' | 'maxConnectionsPerUser'
>;

/** The subset of `RealtimeOptions` settable from the environment. */
export type RealtimeLimits = Pick<RealtimeOptions, 'maxConnectionsPerUser'>;

/** Thrown with every problem of the environment in one message. */
export class ConfigError extends Error {}

/**
 * Parses an environment (default: `process.env`). Throws `ConfigError` listing every problem.
 * When no SESSION_SECRET is given, one is generated once and kept in DATA_DIR.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const lines = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
  lines.push(...productionProblems(env));
  if (!parsed.success || lines.length > 0) {
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.DATA_DIR);
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    host: raw.HOST,
    dataDir,
    mongodbUri: raw.MONGODB_URI ?? null,
    mongodbRequireTransactions:
      raw.MONGODB_REQUIRE_TRANSACTIONS === undefined
        ? raw.NODE_ENV === 'production'
        : ['1', 'true', 'yes'].includes(raw.MONGODB_REQUIRE_TRANSACTIONS),
    redisUrl: raw.REDIS_URL ?? null,
    sessionSecret: raw.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    publicUrl: raw.PUBLIC_URL ? raw.PUBLIC_URL.replace(/\/$/, '') : null,
    isHostHeaderTrusted: raw.NODE_ENV !== 'production',
    logLevel: raw.LOG_LEVEL,
    mail: {
      smtpUrl: raw.SMTP_URL ?? null,
      from: raw.MAIL_FROM,
      digestDelayMs: raw.NOTIFICATION_EMAIL_DELAY_SECONDS * 1000,
    },
    isDemo: raw.DEMO,
    allowedOrigins: (raw.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    collabTokenTtlSeconds: raw.COLLAB_TOKEN_TTL_SECONDS,
    sessionTtlDays: raw.SESSION_TTL_DAYS,
    authRateLimit: raw.AUTH_RATE_LIMIT,
    authRateWindowSeconds: raw.AUTH_RATE_WINDOW_SECONDS,
    creationRateLimits: {
      invitations: raw.INVITATION_RATE_LIMIT,
      workspaces: raw.WORKSPACE_RATE_LIMIT,
      documents: raw.DOCUMENT_RATE_LIMIT,
    },
    creationRateWindowSeconds: raw.CREATION_RATE_WINDOW_SECONDS,
    trustProxyHops: raw.TRUST_PROXY,
    collabLimits: {
      maxMessageBytes: raw.COLLAB_MAX_MESSAGE_BYTES,
      maxDocBytes: raw.COLLAB_MAX_DOC_BYTES,
      maxConnectionsPerDocument: raw.COLLAB_MAX_CONNECTIONS_PER_DOC,
      maxConnectionsPerUser: raw.COLLAB_MAX_CONNECTIONS_PER_USER,
    },
    realtimeLimits: { maxConnectionsPerUser: raw.REALTIME_MAX_CONNECTIONS_PER_USER },
    exportRateLimit: raw.EXPORT_RATE_LIMIT,
    importLimits: {
      maxBytes: raw.IMPORT_MAX_BYTES,
      maxUncompressedBytes: raw.IMPORT_MAX_UNCOMPRESSED_BYTES,
    },
  };
}

/**
 * What production needs beyond the schema (checked on the raw env, so these are listed along
 * with every schema problem): links and origin checks come from PUBLIC_URL, never from the
 * Host header a client chose.
 */
function productionProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== 'production') return [];
  if (env.PUBLIC_URL?.trim()) return [];
  return [
    '  PUBLIC_URL: required when NODE_ENV=production (the address people use, e.g. https://clip.example.org); invitation links and origin checks are built from it, never from the Host header',
  ];
}

/** Keeps people signed in across restarts without anyone having to set a secret. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not there yet: generated below.
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
