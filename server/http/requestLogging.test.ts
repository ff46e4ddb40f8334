import { describe, expect, it } from 'vitest';
import { maskTokensInUrl, pickRequestId } from './requestLogging';

describe('maskTokensInUrl', () => {
  it('hides invitation tokens in API and page paths, and nothing else', () => {
    const token = 'Ab3_-'.repeat(9);
    expect(maskTokensInUrl(`/api/invitations/${token}`)).toBe('/api/invitations/[token]');
    expect(maskTokensInUrl(`/invite/${token}?x=1`)).toBe('/invite/[token]?x=1');
    expect(maskTokensInUrl('/api/invitations')).toBe('/api/invitations');
    expect(maskTokensInUrl('/api/documents/abc')).toBe('/api/documents/abc');
  });
});

describe('pickRequestId', () => {
  it('keeps a sane incoming id and replaces anything else', () => {
    expect(pickRequestId('req-1.2:3')).toBe('req-1.2:3');
    for (const incoming of [undefined, '', 'a b', 'x'.repeat(129), ['a', 'b'], '<script>']) {
      expect(pickRequestId(incoming)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
