import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { followLanguage, I18N_OPTIONS, initialLanguage, type LanguageCode } from '../i18n/languages';
import vi from '../i18n/vi.json';

// The public pages load Vietnamese with the page and another language only when it is chosen: each
// is a chunk of its own, so a Vietnamese reader never downloads the English and Russian strings.
const loaders: Record<Exclude<LanguageCode, 'vi'>, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../i18n/en.json'),
  ru: () => import('../i18n/ru.json'),
};

async function ensureLoaded(language: LanguageCode) {
  if (language === 'vi' || i18n.hasResourceBundle(language, 'translation')) return;
  const strings = await loaders[language]();
  i18n.addResourceBundle(language, 'translation', strings.default, true, true);
}

export async function initLiteI18n() {
  const initial = initialLanguage();
  await i18n
    .use(initReactI18next)
    .init({ resources: { vi: { translation: vi } }, lng: 'vi', ...I18N_OPTIONS });
  followLanguage(i18n);
  if (initial !== 'vi') await changeLiteLanguage(initial);
}

export async function changeLiteLanguage(language: LanguageCode) {
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
}

export default i18n;
