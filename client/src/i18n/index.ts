/**
 * The one i18n layer: builds an i18next instance with English and German, remembering the
 * chosen language in localStorage. Built by a factory so nothing is shared at module level.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';

/** The languages the UI ships in, in the order the switcher lists them. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'clip.language';

function isLanguage(value: string | null | undefined): value is Language {
  return value === 'en' || value === 'de';
}

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

/** Creates and initialises the app's i18next instance; keeps <html lang> in step. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, de: { translation: de } },
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
