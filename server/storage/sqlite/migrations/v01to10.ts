/**
 * Migrations 1-10: the initial schema, search, invitations awaiting approval, versions,
 * comments, notifications, the trash.
 */
import type { Migration } from './migration';

export const MIGRATIONS_1_TO_10: readonly Migration[] = [
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
    name: 'document_versions: named versions (Yjs state + plain text) of documents',
    sql: `
      CREATE TABLE document_versions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        author_id TEXT,
        created_at INTEGER NOT NULL,
        state BLOB NOT NULL,
        plain_text TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX document_versions_document_created ON document_versions(document_id, created_at);
    `,
  },
  {
    version: 6,
    name: 'documents_fts: full-text search (FTS5, accents and case folded, prefixes indexed)',
    // search_rows gives each document a stable INTEGER key for the FTS rowid (a plain table's
    // implicit rowid may change on VACUUM). Triggers keep the index in step with documents;
    // the comments column is written by whoever stores comment text (see docs/STORAGE.md).
    sql: `
      CREATE TABLE search_rows (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE
      );
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body, city, areas, comments,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      INSERT INTO search_rows (document_id) SELECT id FROM documents;
      INSERT INTO documents_fts (rowid, title, body, city, areas, comments)
        SELECT s.id, d.title, d.plain_text,
               COALESCE((SELECT name FROM organizations WHERE id = d.city_id), ''),
               d.policy_areas, ''
        FROM search_rows s JOIN documents d ON d.id = s.document_id;

      CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN
        INSERT INTO search_rows (document_id) VALUES (new.id);
        INSERT INTO documents_fts (rowid, title, body, city, areas, comments) VALUES (
          (SELECT id FROM search_rows WHERE document_id = new.id),
          new.title, new.plain_text,
          COALESCE((SELECT name FROM organizations WHERE id = new.city_id), ''),
          new.policy_areas, '');
      END;
      CREATE TRIGGER documents_search_update
        AFTER UPDATE OF title, plain_text, city_id, policy_areas ON documents BEGIN
        UPDATE documents_fts SET
          title = new.title,
          body = new.plain_text,
          city = COALESCE((SELECT name FROM organizations WHERE id = new.city_id), ''),
          areas = new.policy_areas
        WHERE rowid = (SELECT id FROM search_rows WHERE document_id = new.id);
      END;
      CREATE TRIGGER documents_search_delete BEFORE DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = (SELECT id FROM search_rows WHERE document_id = old.id);
      END;
      CREATE TRIGGER organizations_search_rename AFTER UPDATE OF name ON organizations BEGIN
        UPDATE documents_fts SET city = new.name WHERE rowid IN (
          SELECT s.id FROM search_rows s JOIN documents d ON d.id = s.document_id
          WHERE d.city_id = new.id);
      END;
    `,
  },
  {
    version: 7,
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
    version: 8,
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
  {
    version: 9,
    name: 'documents_fts.comments follows the comments (search covers comment text)',
    // Triggers rather than adapter code: every write path (reply, edit, delete, a thread's
    // cascade) keeps the search column right, in the same transaction as the write.
    sql: `
      CREATE TRIGGER comments_search_insert AFTER INSERT ON comments BEGIN
        UPDATE documents_fts SET comments = (SELECT COALESCE(group_concat(body, ' '), '') FROM comments WHERE document_id = new.document_id)
          WHERE rowid = (SELECT id FROM search_rows WHERE document_id = new.document_id);
      END;
      CREATE TRIGGER comments_search_update AFTER UPDATE OF body ON comments BEGIN
        UPDATE documents_fts SET comments = (SELECT COALESCE(group_concat(body, ' '), '') FROM comments WHERE document_id = new.document_id)
          WHERE rowid = (SELECT id FROM search_rows WHERE document_id = new.document_id);
      END;
      CREATE TRIGGER comments_search_delete AFTER DELETE ON comments BEGIN
        UPDATE documents_fts SET comments = (SELECT COALESCE(group_concat(body, ' '), '') FROM comments WHERE document_id = old.document_id)
          WHERE rowid = (SELECT id FROM search_rows WHERE document_id = old.document_id);
      END;
    `,
  },
  {
    version: 10,
    name: 'documents trashed, by time: the trash purge reads only the expired ones',
    sql: `
      CREATE INDEX documents_deleted_at ON documents(deleted_at) WHERE deleted_at IS NOT NULL;
    `,
  },
];
