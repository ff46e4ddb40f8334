/**
 * Integration suites on MongoDB: when MONGODB_URI is set (`.ci/run` points it at the
 * emulator), every test server keeps its data in its own database, named after its data
 * directory, so a restart on the same directory (or a child server process given it) finds
 * the same data, as it would on SQLite. Without MONGODB_URI these add nothing: SQLite.
 */
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';

const usedDatabases = new Set<string>();

/**
 * `uri` with its database replaced by `name`, credentials, hosts and options kept
 * (`mongodb://h:1/clip?x=1` → `mongodb://h:1/<name>?x=1`). Hosts never contain `/`.
 */
export function withDatabaseName(uri: string, name: string): string {
  const scheme = /^mongodb(\+srv)?:\/\//.exec(uri)?.[0] ?? '';
  const rest = uri.slice(scheme.length);
  const authorityEnd = rest.search(/[/?]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const queryStart = rest.indexOf('?');
  const query = queryStart === -1 ? '' : rest.slice(queryStart);
  return `${scheme}${authority}/${name}${query}`;
}

/** The database name for a data directory: stable for the directory, unique across them. */
export function databaseNameFor(dataDir: string): string {
  return `clip_test_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
}

/**
 * The env a test server on `dataDir` needs to use MongoDB: MONGODB_URI naming the
 * directory's own database when the run has MONGODB_URI, else nothing (SQLite in `dataDir`).
 */
export function mongoEnvFor(dataDir: string): {
  MONGODB_URI?: string;
  MONGODB_REQUIRE_TRANSACTIONS?: string;
} {
  const base = process.env.MONGODB_URI;
  if (!base) return {};
  const name = databaseNameFor(dataDir);
  usedDatabases.add(name);
  return {
    MONGODB_URI: withDatabaseName(base, name),
    // The emulator is a standalone server: even a test of production settings runs on it
    // without transactions (a replica set given as MONGODB_URI still runs them).
    MONGODB_REQUIRE_TRANSACTIONS: 'false',
  };
}

/** Drops one directory's database (after its server closed). No-op without MONGODB_URI. */
export async function dropMongoTestDatabase(dataDir: string): Promise<void> {
  const base = process.env.MONGODB_URI;
  if (!base) return;
  const name = databaseNameFor(dataDir);
  const connection = await mongoose
    .createConnection(withDatabaseName(base, name), { serverSelectionTimeoutMS: 5000 })
    .asPromise();
  try {
    await connection.dropDatabase();
    usedDatabases.delete(name);
  } finally {
    await connection.close();
  }
}

/** Drops every database this test file gave a server (for suites that keep their dirs). */
export async function dropMongoTestDatabases(): Promise<void> {
  const base = process.env.MONGODB_URI;
  if (!base || usedDatabases.size === 0) return;
  const connection = await mongoose
    .createConnection(base, { serverSelectionTimeoutMS: 5000 })
    .asPromise();
  try {
    for (const name of usedDatabases) await connection.useDb(name).dropDatabase();
    usedDatabases.clear();
  } finally {
    await connection.close();
  }
}
