/**
 * SQLite schema, as an ordered list of migrations. Each runs once, in its own transaction,
 * and is recorded in `schema_migrations`. Never edit a shipped migration: append a new one.
 *
 * Conventions: times are epoch milliseconds (INTEGER), arrays/objects are JSON text,
 * Yjs state is a BLOB, booleans are 0/1. Ties in "newest first" listings break on rowid.
 */

/** One step of the schema. `version` values are consecutive, starting at 1. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration the code knows, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        organization_id TEXT REFERENCES organizations(id) ON DELETE SET NULL,
        is_active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX users_email ON users(email);
      CREATE INDEX users_organization ON users(organization_id);

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);

      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        is_archived INTEGER NOT NULL DEFAULT 0,
        created_by_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE memberships (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, user_id)
      );
      CREATE INDEX memberships_user ON memberships(user_id);

      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL,
        email TEXT NOT NULL,
        workspace_id TEXT REFERENCES workspaces(id) ON DELETE CASCADE,
        role TEXT,
        invited_by_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        accepted_at INTEGER
      );
      CREATE UNIQUE INDEX invitations_token_hash ON invitations(token_hash);
      CREATE INDEX invitations_workspace ON invitations(workspace_id, created_at);

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        city_id TEXT REFERENCES organizations(id) ON DELETE SET NULL,
        policy_areas TEXT NOT NULL DEFAULT '[]',
        stakeholders TEXT NOT NULL DEFAULT '[]',
        created_by_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        deleted_by_id TEXT,
        plain_text TEXT NOT NULL DEFAULT '',
        outline TEXT NOT NULL DEFAULT '[]',
        word_count INTEGER NOT NULL DEFAULT 0,
        last_editor_ids TEXT NOT NULL DEFAULT '[]',
        content_updated_at INTEGER
      );
      CREATE INDEX documents_workspace_updated ON documents(workspace_id, updated_at);
      CREATE INDEX documents_status_updated ON documents(status, updated_at);
      CREATE INDEX documents_city ON documents(city_id);

      CREATE TABLE doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        data BLOB NOT NULL
      );
      CREATE INDEX doc_updates_document_seq ON doc_updates(document_id, seq);

      CREATE TABLE doc_snapshots (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        up_to_seq INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE audit_events (
        id TEXT PRIMARY KEY,
        at INTEGER NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        details TEXT NOT NULL DEFAULT '{}',
        ip TEXT
      );
      CREATE INDEX audit_events_at ON audit_events(at);
      CREATE INDEX audit_events_action_at ON audit_events(action, at);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'documents.search_text for fast case-insensitive substring search',
    // Lower-cased once on write (by the adapter) instead of on every row of every search.
    sql: `
      ALTER TABLE documents ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      UPDATE documents SET search_text = unicode_lower(title || char(10) || plain_text);
    `,
  },
  {
    version: 3,
    name: 'invitations.awaits_approval: invitations by non-admins wait for an admin',
    // Invitations made before this migration were usable at once: they stay so.
    sql: `
      ALTER TABLE invitations ADD COLUMN awaits_approval INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 4,
    name: 'documents.version: optimistic concurrency of document details',
    sql: `
      ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    `,
  },
  {
    version: 5,
    name: 'comment threads and their comments',
    // Threads and comments go with their document (purge) through the foreign keys.
    sql: `
      CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        author_id TEXT NOT NULL REFERENCES users(id),
        quote TEXT NOT NULL,
        anchor_start TEXT NOT NULL,
        anchor_end TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        resolved_by_id TEXT,
        resolved_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX threads_document ON threads(document_id, created_at);

      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL,
        author_id TEXT NOT NULL REFERENCES users(id),
        body TEXT NOT NULL,
        mentions TEXT NOT NULL DEFAULT '[]',
        idempotency_key TEXT,
        created_at INTEGER NOT NULL,
        edited_at INTEGER
      );
      CREATE INDEX comments_thread ON comments(thread_id, created_at);
      CREATE INDEX comments_document ON comments(document_id, created_at);
      CREATE UNIQUE INDEX comments_idempotency ON comments(author_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL;
    `,
  },
  {
    version: 6,
    name: 'notifications',
    sql: `
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        thread_id TEXT,
        comment_id TEXT,
        is_read INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX notifications_user ON notifications(user_id, created_at);
    `,
  },
];
