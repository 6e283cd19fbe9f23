import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ui, useDocumentTitle } from './lite/ui';

interface PageTitleProps {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}

/** The page's heading (the one h1 of the page), also used as the browser tab title. */
export function PageTitle({ title, subtitle, actions }: PageTitleProps) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <div
      className={ui.row}
      style={{ justifyContent: 'space-between', alignItems: 'flex-end', marginBottom: 20 }}
    >
      <div className={ui.pageTitle} style={{ flex: '1 1 260px', marginBottom: 0 }}>
        <h1 className={ui.h1}>{title}</h1>
        {subtitle ? <div className={ui.dimmed}>{subtitle}</div> : null}
      </div>
      {actions ? <div className={ui.row}>{actions}</div> : null}
    </div>
  );
}
