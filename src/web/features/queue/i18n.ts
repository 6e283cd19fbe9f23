import i18n from 'i18next';
import en from '../../i18n/en.queue.json';
import ru from '../../i18n/ru.queue.json';
import vi from '../../i18n/vi.queue.json';

// The queue pages' strings, namespace `queue`: registered when a queue page's chunk loads, in the
// staff app and in the light app alike (small enough to bring all three languages).
for (const [lang, strings] of [
  ['vi', vi],
  ['en', en],
  ['ru', ru],
] as const) {
  if (!i18n.hasResourceBundle(lang, 'queue')) i18n.addResourceBundle(lang, 'queue', strings, true, true);
}
