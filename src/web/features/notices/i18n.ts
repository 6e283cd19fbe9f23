import i18n from 'i18next';
import en from '../../i18n/en.notices.json';
import ru from '../../i18n/ru.notices.json';
import vi from '../../i18n/vi.notices.json';

// The notices pages' strings, namespace `notices`: registered when their chunk loads (light and staff apps).
for (const [lang, strings] of [
  ['vi', vi],
  ['en', en],
  ['ru', ru],
] as const) {
  if (!i18n.hasResourceBundle(lang, 'notices')) i18n.addResourceBundle(lang, 'notices', strings, true, true);
}
