import i18n from 'i18next';
import en from '../../i18n/en.feedback.json';
import ru from '../../i18n/ru.feedback.json';
import vi from '../../i18n/vi.feedback.json';

// The feedback pages' strings, namespace `feedback`: registered when their chunk loads (the light app
// loads it with the public pages; the staff app has it from the start for its header entry).
for (const [lang, strings] of [
  ['vi', vi],
  ['en', en],
  ['ru', ru],
] as const) {
  if (!i18n.hasResourceBundle(lang, 'feedback'))
    i18n.addResourceBundle(lang, 'feedback', strings, true, true);
}
