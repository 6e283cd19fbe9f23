import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAudit from './en.audit.json';
import en from './en.json';
import enReports from './en.reports.json';
import enWorkflow from './en.workflow.json';
import { followLanguage, I18N_OPTIONS, initialLanguage } from './languages';
import ruAudit from './ru.audit.json';
import ru from './ru.json';
import ruReports from './ru.reports.json';
import ruWorkflow from './ru.workflow.json';
import viAudit from './vi.audit.json';
import vi from './vi.json';
import viReports from './vi.reports.json';
import viWorkflow from './vi.workflow.json';

export { LANGUAGES, type LanguageCode } from './languages';

// The staff app: every language and namespace at once (the public pages load less: src/web/lite/i18n.ts).
void i18n.use(initReactI18next).init({
  // Each area keeps its strings in its own namespace file (useTranslation('workflow'), useTranslation('reports')).
  resources: {
    vi: { translation: vi, workflow: viWorkflow, reports: viReports, audit: viAudit },
    en: { translation: en, workflow: enWorkflow, reports: enReports, audit: enAudit },
    ru: { translation: ru, workflow: ruWorkflow, reports: ruReports, audit: ruAudit },
  },
  lng: initialLanguage(),
  ...I18N_OPTIONS,
});
followLanguage(i18n);

export default i18n;
