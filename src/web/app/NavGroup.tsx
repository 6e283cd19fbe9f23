import { useClickOutside } from '@mantine/hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import classes from './AppLayout.module.css';
import type { NavEntry } from './nav-items';

type Group = Extract<NavEntry, { kind: 'group' }>;

function isActive(pathname: string, to: string, end?: boolean) {
  return end ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
}

/**
 * A group of the header's navigation: a disclosure button (aria-expanded, aria-controls) and the list
 * of its links. Escape closes it and gives the focus back to the button; a click outside or a change
 * of page closes it.
 */
export function NavGroup({ group }: { group: Group }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useClickOutside<HTMLDivElement>(() => setOpen(false));
  const { pathname } = useLocation();
  const active = group.items.some((i) => isActive(pathname, i.to, i.end));

  // biome-ignore lint/correctness/useExhaustiveDependencies: the pathname is the trigger
  useEffect(() => setOpen(false), [pathname]);

  // Escape closes the open group (focus inside it or on its button) and gives the focus back.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      if (root.current?.contains(document.activeElement) || document.activeElement === document.body)
        button.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, root]);

  return (
    <div ref={root} className={classes.group}>
      <button
        ref={button}
        type="button"
        className={classes.topLink}
        aria-expanded={open}
        aria-controls={listId}
        data-active={active || undefined}
        data-testid={group.testId}
        onClick={() => setOpen((o) => !o)}
      >
        {t(group.labelKey)}
        <svg className={classes.caret} viewBox="0 0 10 6" width="10" height="6" aria-hidden="true">
          <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <ul id={listId} className={classes.groupList} hidden={!open}>
        {group.items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className={classes.groupLink} data-testid={item.testId}>
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
