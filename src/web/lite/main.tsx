import './global.css';
import { createRoot } from 'react-dom/client';
import { initLiteI18n } from './i18n';
import { LiteApp } from './LiteApp';

// The public pages' entry (lite.html). Built by vite.config.ts's second pass with react → preact/compat.
const container = document.getElementById('root');
if (!container) throw new Error('lite.html has no #root element');

void initLiteI18n().then(() => createRoot(container).render(<LiteApp />));
