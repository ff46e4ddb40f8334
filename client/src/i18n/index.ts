/**
 * The one i18n layer: builds an i18next instance with English, German, French and Italian,
 * remembering the chosen language in localStorage (else the browser's, else English). Built by a factory so nothing is shared at module level.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { it } from './it';

/** The languages the UI ships in, in the order the switcher lists them. */
export const LANGUAGES = ['en', 'de', 'fr', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'clip.language';

/** Whether `value` is one of the UI languages. */
export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  // The first of the browser's preferred languages that the UI speaks ("fr-BE" → French).
  const preferred = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return preferred.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLanguage) ?? 'en';
}

/** Creates and initialises the app's i18next instance; keeps <html lang> in step. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      en: { translation: en },
      de: { translation: de },
      fr: { translation: fr },
      it: { translation: it },
    },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = instance.language;
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    if (isLanguage(language)) window.localStorage.setItem(STORAGE_KEY, language);
  });
  return instance;
}
