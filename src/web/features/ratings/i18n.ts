import i18n from 'i18next';
import en from '../../i18n/en.ratings.json';
import ru from '../../i18n/ru.ratings.json';
import vi from '../../i18n/vi.ratings.json';

// The rating page's strings, namespace `ratings`: registered when its chunk loads (light app).
for (const [lang, strings] of [
  ['vi', vi],
  ['en', en],
  ['ru', ru],
] as const) {
  if (!i18n.hasResourceBundle(lang, 'ratings')) i18n.addResourceBundle(lang, 'ratings', strings, true, true);
}
