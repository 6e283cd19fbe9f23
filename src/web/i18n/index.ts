import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readPreference, STORAGE_KEYS, writePreference } from '../lib/storage';
import en from './en.json';
import enReports from './en.reports.json';
import enWorkflow from './en.workflow.json';
import ru from './ru.json';
import ruReports from './ru.reports.json';
import ruWorkflow from './ru.workflow.json';
import vi from './vi.json';
import viReports from './vi.reports.json';
import viWorkflow from './vi.workflow.json';

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
  // Each area keeps its strings in its own namespace file (useTranslation('workflow'), useTranslation('reports')).
  resources: {
    vi: { translation: vi, workflow: viWorkflow, reports: viReports },
    en: { translation: en, workflow: enWorkflow, reports: enReports },
    ru: { translation: ru, workflow: ruWorkflow, reports: ruReports },
  },
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
