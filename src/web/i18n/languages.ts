import type { i18n as I18n } from 'i18next';
import { readPreference, STORAGE_KEYS, writePreference } from '../lib/storage';

export const LANGUAGES = [
  { code: 'vi', label: 'Tiếng Việt', short: 'VI' },
  { code: 'en', label: 'English', short: 'EN' },
  { code: 'ru', label: 'Русский', short: 'RU' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export function isLanguage(value: string | null | undefined): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

/** Vietnamese is the default for everyone; another language only when the user picked it. */
export function initialLanguage(): LanguageCode {
  const stored = readPreference(STORAGE_KEYS.language);
  return isLanguage(stored) ? stored : 'vi';
}

/** Options both apps give i18next. */
export const I18N_OPTIONS = {
  fallbackLng: 'vi',
  supportedLngs: LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;

/** `<html lang>` follows the interface language (WCAG 3.1.1), and the choice is remembered. */
export function followLanguage(i18n: I18n) {
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    if (isLanguage(lng)) writePreference(STORAGE_KEYS.language, lng);
  });
}
