import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAudit from './en.audit.json';
import enFeedback from './en.feedback.json';
import enGuides from './en.guides.json';
import enHall from './en.hall.json';
import en from './en.json';
import enOnline from './en.online.json';
import enOperations from './en.operations.json';
import enPartners from './en.partners.json';
import enQueue from './en.queue.json';
import enReports from './en.reports.json';
import enResults from './en.results.json';
import enWorkflow from './en.workflow.json';
import { followLanguage, I18N_OPTIONS, initialLanguage } from './languages';
import ruAudit from './ru.audit.json';
import ruFeedback from './ru.feedback.json';
import ruGuides from './ru.guides.json';
import ruHall from './ru.hall.json';
import ru from './ru.json';
import ruOnline from './ru.online.json';
import ruOperations from './ru.operations.json';
import ruPartners from './ru.partners.json';
import ruQueue from './ru.queue.json';
import ruReports from './ru.reports.json';
import ruResults from './ru.results.json';
import ruWorkflow from './ru.workflow.json';
import viAudit from './vi.audit.json';
import viFeedback from './vi.feedback.json';
import viGuides from './vi.guides.json';
import viHall from './vi.hall.json';
import vi from './vi.json';
import viOnline from './vi.online.json';
import viOperations from './vi.operations.json';
import viPartners from './vi.partners.json';
import viQueue from './vi.queue.json';
import viReports from './vi.reports.json';
import viResults from './vi.results.json';
import viWorkflow from './vi.workflow.json';

export { LANGUAGES, type LanguageCode } from './languages';

// The staff app: every language and namespace at once (the public pages load less: src/web/lite/i18n.ts).
void i18n.use(initReactI18next).init({
  // Each area keeps its strings in its own namespace file (useTranslation('workflow'), useTranslation('reports')).
  resources: {
    vi: {
      translation: vi,
      workflow: viWorkflow,
      reports: viReports,
      partners: viPartners,
      operations: viOperations,
      guides: viGuides,
      results: viResults,
      online: viOnline,
      queue: viQueue,
      audit: viAudit,
      hall: viHall,
      feedback: viFeedback,
    },
    en: {
      translation: en,
      workflow: enWorkflow,
      reports: enReports,
      partners: enPartners,
      operations: enOperations,
      guides: enGuides,
      results: enResults,
      online: enOnline,
      queue: enQueue,
      audit: enAudit,
      hall: enHall,
      feedback: enFeedback,
    },
    ru: {
      translation: ru,
      workflow: ruWorkflow,
      reports: ruReports,
      partners: ruPartners,
      operations: ruOperations,
      guides: ruGuides,
      results: ruResults,
      online: ruOnline,
      queue: ruQueue,
      audit: ruAudit,
      hall: ruHall,
      feedback: ruFeedback,
    },
  },
  lng: initialLanguage(),
  ...I18N_OPTIONS,
});
followLanguage(i18n);

export default i18n;
