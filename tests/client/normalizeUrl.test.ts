/** Link and image addresses as people type them become working absolute addresses, or null. */
import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../client/src/editor/normalizeUrl';

describe('normalizeUrl', () => {
  it('adds https:// to an address typed without a scheme', () => {
    expect(normalizeUrl('www.stuttgart.de', 'link')).toBe('https://www.stuttgart.de');
    expect(normalizeUrl(' bologna.it/housing?x=1 ', 'link')).toBe('https://bologna.it/housing?x=1');
    expect(normalizeUrl('example.org/pic.png', 'image')).toBe('https://example.org/pic.png');
    expect(normalizeUrl('localhost.example:8080/a', 'link')).toBe(
      'https://localhost.example:8080/a',
    );
  });

  it('keeps web and mail addresses that already have a scheme', () => {
    expect(normalizeUrl('http://eurofound.europa.eu/clip', 'link')).toBe(
      'http://eurofound.europa.eu/clip',
    );
    expect(normalizeUrl('mailto:info@city.example', 'link')).toBe('mailto:info@city.example');
  });

  it('turns a bare e-mail address into a mailto: link, but not into an image', () => {
    expect(normalizeUrl('info@city.example', 'link')).toBe('mailto:info@city.example');
    expect(normalizeUrl('info@city.example', 'image')).toBeNull();
    expect(normalizeUrl('mailto:info@city.example', 'image')).toBeNull();
  });

  it('refuses other schemes and text that is not an address', () => {
    expect(normalizeUrl('javascript:alert(1)', 'link')).toBeNull();
    expect(normalizeUrl('data:text/html,hi', 'image')).toBeNull();
    expect(normalizeUrl('the housing page', 'link')).toBeNull();
    expect(normalizeUrl('https://', 'image')).toBeNull();
    expect(normalizeUrl('', 'link')).toBeNull();
  });
});
