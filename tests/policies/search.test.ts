import { describe, expect, it } from 'vitest';
import { searchScopeFor } from '../../server/policies/search';

describe('searchScopeFor', () => {
  it('covers every document for a network admin, and only their workspaces for anyone else', () => {
    expect(searchScopeFor({ id: 'a1', role: 'admin', isActive: true })).toEqual({ kind: 'all' });
    expect(searchScopeFor({ id: 'm1', role: 'member', isActive: true })).toEqual({
      kind: 'member',
      userId: 'm1',
    });
  });
});
