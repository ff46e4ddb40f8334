import { describe, expect, it } from 'vitest';
import { canUpdateUser } from './updateUserProfile';

const admin = { id: 'a', role: 'admin' as const };
const member = { id: 'm', role: 'member' as const };

describe('canUpdateUser', () => {
  it('lets an admin change anything on anyone', () => {
    expect(
      canUpdateUser({ actor: admin, targetId: 'm', patch: { role: 'admin', organizationId: 'o' } }),
    ).toBe(true);
  });

  it('lets a member change only their own name', () => {
    expect(canUpdateUser({ actor: member, targetId: 'm', patch: { name: 'New' } })).toBe(true);
    expect(canUpdateUser({ actor: member, targetId: 'a', patch: { name: 'New' } })).toBe(false);
    expect(canUpdateUser({ actor: member, targetId: 'm', patch: { role: 'admin' } })).toBe(false);
    expect(canUpdateUser({ actor: member, targetId: 'm', patch: { organizationId: null } })).toBe(
      false,
    );
  });
});
