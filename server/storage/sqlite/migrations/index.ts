/**
 * SQLite schema, as an ordered list of migrations. Each runs once, in its own transaction,
 * and is recorded in `schema_migrations`. Never edit a shipped migration: append a new one.
 *
 * Conventions: times are epoch milliseconds (INTEGER), arrays/objects are JSON text,
 * Yjs state is a BLOB, booleans are 0/1. Ties in "newest first" listings break on rowid.
 *
 * The list is kept in files of ten (`v01to10.ts`, `v11to20.ts`, …): a new migration goes at
 * the end of the last file, or starts the next one.
 */
import type { Migration } from './migration';
import { MIGRATIONS_1_TO_10 } from './v01to10';
import { MIGRATIONS_11_TO_20 } from './v11to20';

export type { Migration } from './migration';

/** Every migration the code knows, oldest first. */
export const MIGRATIONS: readonly Migration[] = [...MIGRATIONS_1_TO_10, ...MIGRATIONS_11_TO_20];
