/**
 * Migrations 11-20: e-mail settings, document language, review sessions and requests,
 * sharing, suggestions, imported originals, snapshot vectors.
 */
import type { Migration } from './migration';

export const MIGRATIONS_11_TO_20: readonly Migration[] = [
  {
    version: 11,
    name: 'users.email_notifications (notification e-mail on or off per person)',
    sql: `ALTER TABLE users ADD COLUMN email_notifications INTEGER NOT NULL DEFAULT 1;`,
  },
  {
    version: 12,
    name: 'documents.language (the language a document is written in)',
    sql: `ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT 'en';`,
  },
  {
    version: 13,
    name: 'e-mail per kind: users.email_invitations; notifications.emailed_at for digests',
    // Notifications stored before digests were e-mailed one by one at once (or not, by
    // choice): they count as e-mailed, so the first digest does not repeat old news.
    sql: `
      ALTER TABLE users ADD COLUMN email_invitations INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE notifications ADD COLUMN emailed_at INTEGER;
      UPDATE notifications SET emailed_at = created_at;
      CREATE INDEX notifications_mail_due ON notifications(created_at)
        WHERE emailed_at IS NULL AND is_read = 0;
    `,
  },
  {
    version: 14,
    name: 'review_sessions: live peer-review sessions (agenda, clock, hands, decisions as JSON)',
    // The nested parts are JSON: the session is always read and written whole, under
    // `version` (compare-and-set), so no query ever looks inside them.
    sql: `
      CREATE TABLE review_sessions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        workspace_id TEXT NOT NULL,
        title TEXT NOT NULL,
        starts_at INTEGER NOT NULL,
        facilitator_id TEXT NOT NULL,
        created_by_id TEXT NOT NULL,
        state TEXT NOT NULL,
        agenda TEXT NOT NULL,
        current_item_id TEXT,
        item_ends_at INTEGER,
        hands TEXT NOT NULL,
        decisions TEXT NOT NULL,
        attendee_ids TEXT NOT NULL,
        thread_tags TEXT NOT NULL,
        minutes_document_id TEXT,
        started_at INTEGER,
        ended_at INTEGER,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX review_sessions_document ON review_sessions(document_id, starts_at);
      CREATE INDEX review_sessions_workspace ON review_sessions(workspace_id, state, starts_at);
    `,
  },
  {
    version: 15,
    name: 'review_requests and status_changes: the workflow with people in it',
    sql: `
      CREATE TABLE review_requests (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        reviewer_id TEXT NOT NULL REFERENCES users(id),
        requested_by_id TEXT NOT NULL REFERENCES users(id),
        note TEXT NOT NULL,
        due_at INTEGER,
        verdict TEXT NOT NULL,
        answer_note TEXT NOT NULL,
        answered_at INTEGER,
        created_at INTEGER NOT NULL,
        UNIQUE (document_id, reviewer_id)
      );
      CREATE INDEX review_requests_reviewer ON review_requests(reviewer_id, verdict, created_at);
      CREATE TABLE status_changes (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX status_changes_document ON status_changes(document_id, created_at);
    `,
  },
  {
    version: 16,
    name: 'sharing one document: document_shares, documents.link_access, document invitations',
    // Shares and document invitations go with their document (purge) through the foreign keys.
    sql: `
      CREATE TABLE document_shares (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_by_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX document_shares_document_user ON document_shares(document_id, user_id);
      CREATE INDEX document_shares_user ON document_shares(user_id);
      ALTER TABLE documents ADD COLUMN link_access TEXT NOT NULL DEFAULT 'restricted';
      ALTER TABLE invitations ADD COLUMN document_id TEXT REFERENCES documents(id) ON DELETE CASCADE;
      CREATE INDEX invitations_document ON invitations(document_id) WHERE document_id IS NOT NULL;
    `,
  },
  {
    version: 17,
    name: 'suggestions: author, time and outcome of suggested changes, keyed by the marks id',
    sql: `
      CREATE TABLE suggestions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        author_id TEXT NOT NULL REFERENCES users(id),
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        resolved_by_id TEXT REFERENCES users(id),
        resolved_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX suggestions_document ON suggestions(document_id, created_at);
    `,
  },
  {
    version: 18,
    name: 'document_originals: the imported file, kept only when the importer asked',
    // One per document (its key), gone with the document (purge) through the foreign key.
    sql: `
      CREATE TABLE document_originals (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        created_by_id TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 19,
    name: 'review_sessions.suggestion_tags: suggestions made during a live session, per agenda item',
    sql: `ALTER TABLE review_sessions ADD COLUMN suggestion_tags TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    version: 20,
    name: 'doc_snapshots.state_vector, .deletes: a snapshot is served without building its document',
    // Null for snapshots written before: the loader then parses or applies the snapshot, as it did.
    sql: `
      ALTER TABLE doc_snapshots ADD COLUMN state_vector BLOB;
      ALTER TABLE doc_snapshots ADD COLUMN deletes BLOB;
    `,
  },
];
