/** The editor offers exactly the status moves the server's workflow policy allows per role. */
import { describe, expect, it } from 'vitest';
import {
  allowedStatusMoves,
  canEditMetadata,
  canTrashDocument,
} from '../../client/src/editor/permissions';

describe('editor permissions', () => {
  it('lets owners make every move of the workflow', () => {
    expect(allowedStatusMoves({ role: 'owner', status: 'draft' })).toEqual(['in-review']);
    expect(allowedStatusMoves({ role: 'owner', status: 'in-review' })).toEqual([
      'approved',
      'draft',
    ]);
    expect(allowedStatusMoves({ role: 'owner', status: 'approved' })).toEqual([
      'published',
      'draft',
    ]);
    expect(allowedStatusMoves({ role: 'owner', status: 'published' })).toEqual(['draft']);
  });

  it('lets editors only submit for review and take it back', () => {
    expect(allowedStatusMoves({ role: 'editor', status: 'draft' })).toEqual(['in-review']);
    expect(allowedStatusMoves({ role: 'editor', status: 'in-review' })).toEqual(['draft']);
    expect(allowedStatusMoves({ role: 'editor', status: 'approved' })).toEqual([]);
    expect(allowedStatusMoves({ role: 'editor', status: 'published' })).toEqual([]);
  });

  it('gives reviewers and viewers no status buttons and no metadata editing', () => {
    for (const role of ['reviewer', 'viewer'] as const) {
      expect(allowedStatusMoves({ role, status: 'draft' })).toEqual([]);
      expect(canEditMetadata(role)).toBe(false);
    }
    expect(canEditMetadata('editor')).toBe(true);
    expect(canEditMetadata('owner')).toBe(true);
  });

  it('offers the trash to owners and to the editor who created an unapproved document', () => {
    const createdById = 'u1';
    const status = 'draft';
    expect(canTrashDocument({ role: 'owner', userId: 'u2', createdById, status })).toBe(true);
    expect(canTrashDocument({ role: 'editor', userId: 'u1', createdById, status })).toBe(true);
    expect(
      canTrashDocument({ role: 'editor', userId: 'u1', createdById, status: 'in-review' }),
    ).toBe(true);
    expect(canTrashDocument({ role: 'editor', userId: 'u2', createdById, status })).toBe(false);
    expect(canTrashDocument({ role: 'reviewer', userId: 'u1', createdById, status })).toBe(false);
    for (const approved of ['approved', 'published'] as const) {
      expect(
        canTrashDocument({ role: 'editor', userId: 'u1', createdById, status: approved }),
      ).toBe(false);
      expect(canTrashDocument({ role: 'owner', userId: 'u2', createdById, status: approved })).toBe(
        true,
      );
    }
  });
});
