import type { Me } from '../api/types';
import { guidesNav } from './routes-guides';
import { operationsNav } from './routes-operations';
import { reportsNav } from './routes-reports';
import { workflowNav } from './routes-workflow';

export interface NavItem {
  to: string;
  labelKey: string;
  testId: string;
  end?: boolean;
}

/** Main navigation; the reception desk appears only for reception officers. */
export function navItems(me: Me | null | undefined): NavItem[] {
  const items: NavItem[] = [
    { to: '/', labelKey: 'nav.home', testId: 'nav-home', end: true },
    { to: '/thu-tuc', labelKey: 'nav.catalog', testId: 'nav-catalog' },
    { to: '/tra-cuu', labelKey: 'nav.tracking', testId: 'nav-tracking' },
  ];
  if (me?.role === 'reception')
    items.push(
      { to: '/tiep-nhan', labelKey: 'nav.reception', testId: 'nav-reception', end: true },
      { to: '/tiep-nhan/truc-tuyen', labelKey: 'online:nav', testId: 'nav-online-queue' },
      { to: '/quay', labelKey: 'queue:nav', testId: 'nav-counter' },
    );
  const partners: NavItem[] =
    me?.role === 'admin' ? [{ to: '/doi-tac', labelKey: 'partners:nav', testId: 'nav-partners' }] : [];
  return [
    ...items,
    ...workflowNav(me),
    ...reportsNav(me),
    ...operationsNav(me),
    ...guidesNav(me),
    ...partners,
  ];
}
