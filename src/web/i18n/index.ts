import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readPreference, STORAGE_KEYS, writePreference } from '../lib/storage';
import en from './en.json';
import ru from './ru.json';
import vi from './vi.json';

export const LANGUAGES = [
  { code: 'vi', label: 'Tiếng Việt', short: 'VI' },
  { code: 'en', label: 'English', short: 'EN' },
  { code: 'ru', label: 'Русский', short: 'RU' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

function isLanguage(value: string | null): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

const stored = readPreference(STORAGE_KEYS.language);
// Vietnamese is the default for everyone; another language only when the user picked it.
const initial: LanguageCode = isLanguage(stored) ? stored : 'vi';

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en }, ru: { translation: ru } },
  lng: initial,
  fallbackLng: 'vi',
  supportedLngs: LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = initial;

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  if (isLanguage(lng)) writePreference(STORAGE_KEYS.language, lng);
});

export default i18n;
