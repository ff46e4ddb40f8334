/**
 * Names of document languages in the interface language, from the browser's own `Intl`
 * data (no list of names to translate and keep in step): "Kroatisch" in German, "croate" in
 * French.
 */
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../shared/domain';

/** `code`'s name in `uiLanguage`, or the code itself where the browser has no name for it. */
export function languageName(code: DocumentLanguage, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every document language, sorted by its name in `uiLanguage`. */
export function documentLanguagesByName(uiLanguage: string): DocumentLanguage[] {
  const collator = new Intl.Collator(uiLanguage);
  return [...DOCUMENT_LANGUAGES].sort((a, b) =>
    collator.compare(languageName(a, uiLanguage), languageName(b, uiLanguage)),
  );
}
