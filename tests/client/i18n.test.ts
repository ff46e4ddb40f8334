/**
 * The German strings must cover every English key with real text and keep the same
 * {{placeholders}}, or the UI would show raw keys or lose names and numbers.
 */
import { describe, expect, it } from 'vitest';
import { de } from '../../client/src/i18n/de';
import { en } from '../../client/src/i18n/en';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [childPath, text] of flatten(value, path)) entries.set(childPath, text);
  }
  return entries;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('UI strings', () => {
  const english = flatten(en);
  const german = flatten(de as Tree);

  it('has exactly the same keys in German as in English', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no empty German text', () => {
    const empty = [...german.entries()]
      .filter(([, text]) => text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const mismatched = [...english.entries()]
      .filter(
        ([key, text]) => placeholders(text).join() !== placeholders(german.get(key) ?? '').join(),
      )
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
