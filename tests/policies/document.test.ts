import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../shared/domain';
import type { DocumentRecord } from '../../server/storage/types';
import {
  canChangeStatus,
  canComment,
  canDeleteDocument,
  canEditDocumentContent,
  canExportDocument,
  canExportReviewNotes,
  canReadDocument,
  canReadTrashedDocument,
  canRestoreDocument,
  canUpdateDocumentMetadata,
  canWriteText,
  isTextLocked,
} from '../../server/policies/document';
import { actors, makeDocument, type ActorName } from '../helpers/testActors';

const who = actors();
const names = Object.keys(who) as ActorName[];
const live = makeDocument();
const trashed = makeDocument({ deletedAt: new Date(), deletedById: 'u-owner' });

type Policy = (
  user: (typeof who)[ActorName]['user'],
  membership: (typeof who)[ActorName]['membership'],
  document: DocumentRecord,
) => boolean;

function allowed(policy: Policy, document: DocumentRecord): ActorName[] {
  return names.filter((name) => policy(who[name].user, who[name].membership, document));
}

function allowedMove(from: DocumentStatus, to: DocumentStatus): ActorName[] {
  const document = makeDocument({ status: from });
  return names.filter((name) =>
    canChangeStatus(who[name].user, who[name].membership, document, to),
  );
}

describe('document policies', () => {
  it('gives each role its rights on a live document', () => {
    expect(allowed(canReadDocument, live)).toEqual([
      'owner',
      'editor',
      'reviewer',
      'viewer',
      'admin',
    ]);
    expect(allowed(canEditDocumentContent, live)).toEqual(['owner', 'editor', 'admin']);
    expect(allowed(canUpdateDocumentMetadata, live)).toEqual(['owner', 'editor', 'admin']);
    expect(allowed(canComment, live)).toEqual(['owner', 'editor', 'reviewer', 'admin']);
    expect(allowed(canRestoreDocument, live)).toEqual([]);
    expect(allowed(canReadTrashedDocument, live)).toEqual([]);
  });

  it('freezes a trashed document except for owners reading and restoring it', () => {
    expect(allowed(canReadDocument, trashed)).toEqual([]);
    expect(allowed(canEditDocumentContent, trashed)).toEqual([]);
    expect(allowed(canComment, trashed)).toEqual([]);
    expect(allowed(canDeleteDocument, trashed)).toEqual([]);
    expect(allowed(canReadTrashedDocument, trashed)).toEqual(['owner', 'admin']);
    expect(allowed(canRestoreDocument, trashed)).toEqual(['owner', 'admin']);
  });

  it('lets owners delete anything and editors only what they created', () => {
    expect(allowed(canDeleteDocument, live)).toEqual(['owner', 'editor', 'admin']);
    const someoneElses = makeDocument({ createdById: 'u-owner' });
    expect(allowed(canDeleteDocument, someoneElses)).toEqual(['owner', 'admin']);
  });

  it('leaves approved and published work to owners, even for the editor who created it', () => {
    expect(allowed(canDeleteDocument, makeDocument({ status: 'in-review' }))).toEqual([
      'owner',
      'editor',
      'admin',
    ]);
    for (const status of ['approved', 'published'] as const) {
      expect(allowed(canDeleteDocument, makeDocument({ status })), status).toEqual([
        'owner',
        'admin',
      ]);
    }
  });

  it('lets editors send to review and take back, and only owners approve and publish', () => {
    expect(allowedMove('draft', 'in-review')).toEqual(['owner', 'editor', 'admin']);
    expect(allowedMove('in-review', 'draft')).toEqual(['owner', 'editor', 'admin']);
    expect(allowedMove('in-review', 'approved')).toEqual(['owner', 'admin']);
    expect(allowedMove('approved', 'published')).toEqual(['owner', 'admin']);
    expect(allowedMove('published', 'draft')).toEqual(['owner', 'admin']);
    expect(allowedMove('approved', 'draft')).toEqual(['owner', 'admin']);
    // Editors only send a draft to review and take it back: not from elsewhere, nor elsewhere.
    expect(allowedMove('approved', 'in-review')).toEqual(['owner', 'admin']);
    expect(allowedMove('published', 'in-review')).toEqual(['owner', 'admin']);
    expect(allowedMove('draft', 'approved')).toEqual(['owner', 'admin']);
    expect(allowedMove('draft', 'published')).toEqual(['owner', 'admin']);
  });

  it('allows no status change on a trashed document', () => {
    expect(
      names.filter((n) => canChangeStatus(who[n].user, who[n].membership, trashed, 'in-review')),
    ).toEqual([]);
  });

  it('exports what the caller reads, and published documents to anyone, never from the trash', () => {
    expect(allowed(canExportDocument, live)).toEqual(allowed(canReadDocument, live));
    const published = makeDocument({ status: 'published' });
    expect(allowed(canExportDocument, published)).toEqual(names);
    expect(canExportDocument(null, null, published)).toBe(true);
    expect(canExportDocument(null, null, live)).toBe(false);
    // A public link exports to anyone too; a network link does not reach someone signed out.
    expect(canExportDocument(null, null, makeDocument({ linkAccess: 'public' }))).toBe(true);
    expect(canExportDocument(null, null, makeDocument({ linkAccess: 'network' }))).toBe(false);
    expect(allowed(canExportDocument, makeDocument({ linkAccess: 'public' }))).toEqual(names);
    const trashedPublished = makeDocument({ status: 'published', deletedAt: new Date() });
    expect(canExportDocument(null, null, trashedPublished)).toBe(false);
    expect(allowed(canExportDocument, trashedPublished)).toEqual([]);
  });

  it('exports review notes to readers of the document only, published or not', () => {
    const published = makeDocument({ status: 'published' });
    expect(allowed(canExportReviewNotes, live)).toEqual(allowed(canReadDocument, live));
    expect(allowed(canExportReviewNotes, published)).toEqual(allowed(canReadDocument, live));
    expect(allowed(canExportReviewNotes, published)).not.toEqual(names);
    expect(allowed(canExportReviewNotes, trashed)).toEqual([]);
  });
});

describe('the text lock of approved and published documents', () => {
  it('locks exactly approved and published text; the other statuses stay writable', () => {
    const locked = DOCUMENT_STATUSES.filter((status) => isTextLocked(makeDocument({ status })));
    expect(locked).toEqual(['approved', 'published']);
  });

  it('lets nobody write locked text, not even owners and admins; editors write the rest', () => {
    for (const status of DOCUMENT_STATUSES) {
      const document = makeDocument({ status });
      const writers = allowed(canWriteText, document);
      expect(writers, status).toEqual(
        isTextLocked(document) ? [] : allowed(canEditDocumentContent, document),
      );
    }
    expect(allowed(canWriteText, makeDocument({ status: 'draft' }))).toEqual([
      'owner',
      'editor',
      'admin',
    ]);
  });
});
