/**
 * Every UI language must cover every English key with real text, keep the same
 * {{placeholders}}, and have each plural form its language's rules ask for (French and
 * Italian have a `many` form), or the UI would show raw keys or lose names and numbers.
 */
import { describe, expect, it } from 'vitest';
import { de } from '../../client/src/i18n/de';
import { en } from '../../client/src/i18n/en';
import { fr } from '../../client/src/i18n/fr';
import { LANGUAGES } from '../../client/src/i18n';
import { it as italian } from '../../client/src/i18n/it';

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

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The keys a language must have: English's, with each plural key in that language's forms. */
function expectedKeys(language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of flatten(en).keys()) {
    if (!PLURAL_SUFFIX.test(key)) keys.add(key);
    else for (const category of categories) keys.add(key.replace(PLURAL_SUFFIX, `_${category}`));
  }
  return [...keys].sort();
}

const placeholders = (text: string): string =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)]
    .map((m) => m[1] ?? '')
    .sort()
    .join();

const translations: Record<string, Tree> = { en, de, fr, it: italian };

describe('UI strings', () => {
  it('ships every language the switcher lists', () => {
    expect(Object.keys(translations).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      expect(flatten(en).get(`languages.${language}`)).toBeTruthy();
    }
  });

  describe.each(LANGUAGES.filter((language) => language !== 'en'))('%s', (language) => {
    const strings = flatten(translations[language] ?? {});

    it('has every English key (in its own plural forms) and no other', () => {
      expect([...strings.keys()].sort()).toEqual(expectedKeys(language));
    });

    it('has no empty text', () => {
      const empty = [...strings.entries()].filter(([, text]) => text.trim() === '');
      expect(empty.map(([key]) => key)).toEqual([]);
    });

    it('keeps the placeholders of the English text', () => {
      const english = flatten(en);
      const mismatched = [...strings.entries()].filter(([key, text]) => {
        const reference = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, '_other'));
        return placeholders(reference ?? '') !== placeholders(text);
      });
      expect(mismatched.map(([key]) => key)).toEqual([]);
    });
  });
});
