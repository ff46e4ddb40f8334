/**
 * Opens one SQLite database for one storage instance: pragmas, helper SQL functions,
 * schema migrations, and a per-instance cache of prepared statements.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StorageUnavailableError } from '../../errors';
import { MIGRATIONS, type Migration } from './migrations';

/** What every entity module of the SQLite adapter is built from. */
export interface SqliteContext {
  db: Database.Database;
  /** Prepares `sql` once per storage instance and reuses the statement afterwards. */
  stmt(sql: string): Database.Statement;
}

/** Opens (creating when needed) the database file and brings its schema up to date. */
export function openSqliteDatabase(options: {
  filename: string;
  migrations?: readonly Migration[];
}): SqliteContext {
  const { filename } = options;
  if (filename !== ':memory:') mkdirSync(path.dirname(filename), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(filename);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageUnavailableError(`Cannot open SQLite database ${filename}: ${reason}`);
  }
  try {
    configureConnection(db);
    runMigrations({ db, migrations: options.migrations ?? MIGRATIONS });
  } catch (error) {
    db.close();
    throw error;
  }

  const statements = new Map<string, Database.Statement>();
  const stmt = (sql: string): Database.Statement => {
    const cached = statements.get(sql);
    if (cached) return cached;
    const prepared = db.prepare(sql);
    statements.set(sql, prepared);
    return prepared;
  };
  return { db, stmt };
}

/** Pragmas and SQL functions every connection needs (migrations use the functions too). */
export function configureConnection(db: Database.Database): void {
  // busy_timeout first: switching to WAL needs a lock another process may hold briefly.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // SQLite's lower() only folds ASCII; titles are in many European languages.
  db.function('unicode_lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
}

/**
 * Applies every migration newer than the database, each in its own IMMEDIATE transaction
 * (so two processes opening the same file at once cannot both apply it). Returns the
 * versions applied. Refuses a database written by a newer version of the code.
 */
export function runMigrations(options: {
  db: Database.Database;
  migrations: readonly Migration[];
}): number[] {
  const { db, migrations } = options;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const currentVersion = (): number =>
    (
      db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
        version: number | null;
      }
    ).version ?? 0;

  const latestKnown = migrations.at(-1)?.version ?? 0;
  if (currentVersion() > latestKnown) {
    throw new StorageUnavailableError(
      `SQLite schema version ${currentVersion()} is newer than this code knows (${latestKnown}).`,
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      // Re-read inside the lock: another process may have applied it meanwhile.
      if (migration.version <= currentVersion()) return false;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}
