import type { Me } from '../api/types';
import { feedbackNav } from './routes-feedback';
import { guidesNav } from './routes-guides';
import { noticesNav } from './routes-notices';
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
    ...feedbackNav(me),
    ...reportsNav(me),
    ...operationsNav(me),
    ...guidesNav(me),
    ...noticesNav(me),
    ...partners,
  ];
}

/** The groups of the staff header (a disclosure button each); an entry not listed here stands alone. */
export type NavGroupKey = 'lookup' | 'desk' | 'reports' | 'training' | 'admin';

/**
 * Which group an entry belongs to, by its address (an entry not listed stands alone). `/quay` (the
 * counter's calls, issue 16) is listed ahead so the reception desk's group takes it when it comes.
 */
export const NAV_GROUP_OF: Readonly<Record<string, NavGroupKey>> = {
  '/thu-tuc': 'lookup',
  '/tra-cuu': 'lookup',
  '/tiep-nhan': 'desk',
  '/tiep-nhan/truc-tuyen': 'desk',
  '/quay': 'desk',
  '/tu-van': 'desk',
  '/so-chung-thuc': 'desk',
  '/xu-ly-phan-anh': 'desk',
  '/tinh': 'reports',
  '/bao-cao': 'reports',
  '/bao-cao/hai-long': 'reports',
  '/luyen-tap': 'training',
  '/huong-dan': 'training',
  '/so-luyen-tap': 'training',
  '/nhan-su': 'admin',
  '/dang-thong-bao': 'admin',
  '/van-hanh': 'admin',
  '/van-hanh/ho-so-chua-khop': 'admin',
  '/nhat-ky': 'admin',
  '/doi-tac': 'admin',
};

export type NavEntry =
  | { kind: 'item'; item: NavItem }
  | { kind: 'group'; key: NavGroupKey; labelKey: string; testId: string; items: NavItem[] };

/**
 * The header's entries: grouped entries gathered under their group at the place of the group's first
 * entry; a group of one entry is shown as that entry. A visitor's three public entries stay apart
 * (the header has room for them); a signed-in user's are grouped so every role's header fits 1280 px.
 */
export function navEntries(items: NavItem[], signedIn: boolean): NavEntry[] {
  const groups = new Map<NavGroupKey, NavItem[]>();
  const order: Array<NavItem | NavGroupKey> = [];
  for (const item of items) {
    const key = NAV_GROUP_OF[item.to];
    if (!key || (key === 'lookup' && !signedIn)) {
      order.push(item);
      continue;
    }
    const members = groups.get(key);
    if (members) members.push(item);
    else {
      groups.set(key, [item]);
      order.push(key);
    }
  }
  return order.map((o): NavEntry => {
    if (typeof o !== 'string') return { kind: 'item', item: o };
    const members = groups.get(o)!;
    if (members.length === 1) return { kind: 'item', item: members[0]! };
    return { kind: 'group', key: o, labelKey: `nav.group.${o}`, testId: `nav-group-${o}`, items: members };
  });
}
