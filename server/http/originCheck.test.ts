import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './originCheck';

const base = {
  host: 'clip.local:3000',
  config: { publicUrl: null, allowedOrigins: [] as string[], isHostHeaderTrusted: true },
};

describe('isAllowedOrigin', () => {
  it('allows the request’s own host, with any scheme or a full Referer URL', () => {
    expect(isAllowedOrigin({ ...base, origin: 'http://clip.local:3000' })).toBe(true);
    expect(isAllowedOrigin({ ...base, origin: 'https://CLIP.local:3000' })).toBe(true);
    expect(isAllowedOrigin({ ...base, origin: 'http://clip.local:3000/documents/1?x=y' })).toBe(
      true,
    );
  });

  it('refuses other hosts, other ports, look-alikes and non-URLs', () => {
    for (const origin of [
      'http://clip.local:3001',
      'http://clip.local',
      'http://clip.local:3000.evil.test',
      'null',
      '',
      'clip.local:3000',
    ]) {
      expect(isAllowedOrigin({ ...base, origin })).toBe(false);
    }
  });

  it('allows PUBLIC_URL and ALLOWED_ORIGINS by exact origin', () => {
    const config = {
      host: 'internal:3000',
      config: {
        publicUrl: 'https://clip.example.org',
        allowedOrigins: ['http://localhost:5173'],
        isHostHeaderTrusted: true,
      },
    };
    expect(isAllowedOrigin({ ...config, origin: 'https://clip.example.org' })).toBe(true);
    expect(isAllowedOrigin({ ...config, origin: 'http://localhost:5173' })).toBe(true);
    expect(isAllowedOrigin({ ...config, origin: 'http://clip.example.org' })).toBe(false);
    expect(isAllowedOrigin({ ...config, origin: 'http://localhost:5174' })).toBe(false);
  });

  it('trusts the Host header only where configured to (never in production)', () => {
    const production = { ...base.config, isHostHeaderTrusted: false };
    expect(isAllowedOrigin({ ...base, config: production, origin: 'http://clip.local:3000' })).toBe(
      false,
    );
  });

  it('compares configured origins as origins: case and a trailing slash do not matter', () => {
    const config = { ...base.config, allowedOrigins: ['http://Localhost:5173/'] };
    expect(isAllowedOrigin({ ...base, config, origin: 'http://localhost:5173' })).toBe(true);
    expect(
      isAllowedOrigin({ host: 'CLIP.local:3000', config, origin: 'http://clip.local:3000' }),
    ).toBe(true);
  });
});
