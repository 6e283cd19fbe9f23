import {
  AppShell,
  Box,
  Burger,
  Center,
  Group,
  Loader,
  NavLink as MantineNavLink,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { IconStar } from '../components/icons';
import { LanguageMenu } from '../components/LanguageMenu';
import { PracticeBanner } from '../features/guides/PracticeBanner';
import { useMe } from '../features/identity/use-me';
import { useSelectedUnit } from '../features/units/use-communes';
import classes from './AppLayout.module.css';
import { NavGroup } from './NavGroup';
import { type NavItem, navEntries, navItems } from './nav-items';
import { SessionControls } from './SessionControls';

/** The frame of every page: header with product and center name, navigation, language and session. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const me = useMe();
  const selected = useSelectedUnit();
  const items = navItems(me.data);
  const entries = navEntries(items, Boolean(me.data));
  const centerName = me.data?.unit?.name
    ? t('app.centerOf', { name: me.data.unit.name })
    : selected.unit
      ? t('app.centerOf', { name: selected.unit.fullName })
      : t('app.tagline');

  // Close the mobile drawer whenever the route changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the pathname is the trigger
  useEffect(() => close(), [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 280, breakpoint: 'lg', collapsed: { mobile: !opened, desktop: true } }}
      padding={0}
    >
      <AppShell.Header className={classes.header}>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="lg"
              size="sm"
              color="white"
              aria-label={t(opened ? 'nav.close' : 'nav.open')}
              data-testid="nav-burger"
            />
            <UnstyledButton component={Link} to="/" className={classes.brand} data-testid="brand-link">
              <span className={classes.logo} aria-hidden="true">
                <IconStar size={20} />
              </span>
              <Box className={classes.brandText}>
                <Text fw={800} fz="lg" lh={1.1} c="white">
                  {t('app.name')}
                </Text>
                {/* The center's name wraps onto a second line when the navigation leaves little room
                    (1280 px); a longer one ends in "…", its whole text in the tooltip and the title. */}
                <Tooltip label={centerName} openDelay={300} withinPortal>
                  <Text
                    fz="xs"
                    lh={1.2}
                    c="brand.1"
                    lineClamp={2}
                    title={centerName}
                    className={classes.centerName}
                    data-testid="header-center-name"
                  >
                    {centerName}
                  </Text>
                </Tooltip>
              </Box>
            </UnstyledButton>
          </Group>
          <Group gap={2} wrap="nowrap" visibleFrom="lg" component="nav" aria-label={t('nav.main')}>
            {entries.map((entry) =>
              entry.kind === 'group' ? (
                <NavGroup key={entry.key} group={entry} />
              ) : (
                <NavLink
                  key={entry.item.to}
                  to={entry.item.to}
                  end={entry.item.end}
                  className={classes.topLink}
                  data-testid={entry.item.testId}
                >
                  {t(entry.item.labelKey)}
                </NavLink>
              ),
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguageMenu />
            <Box visibleFrom="sm">
              <SessionControls me={me.data} />
            </Box>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="md" aria-label={t('nav.main')}>
        <Stack gap={4} component="nav">
          {entries.map((entry) =>
            entry.kind === 'group' ? (
              <Box key={entry.key} component="section" aria-labelledby={`${entry.testId}-mobile`}>
                <Text
                  id={`${entry.testId}-mobile`}
                  fz="xs"
                  fw={700}
                  tt="uppercase"
                  c="dimmed"
                  className={classes.drawerHeading}
                >
                  {t(entry.labelKey)}
                </Text>
                {entry.items.map((item) => (
                  <DrawerLink key={item.to} item={item} pathname={location.pathname} />
                ))}
              </Box>
            ) : (
              <DrawerLink key={entry.item.to} item={entry.item} pathname={location.pathname} />
            ),
          )}
        </Stack>
        <Box mt="lg" pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <SessionControls me={me.data} stacked />
        </Box>
      </AppShell.Navbar>

      <AppShell.Main className={classes.main}>
        <PracticeBanner />
        <Box className={classes.content}>
          <Suspense
            fallback={
              <Center py="xl">
                <Loader aria-label={t('common.loading')} />
              </Center>
            }
          >
            <Outlet />
          </Suspense>
        </Box>
        <Box component="footer" className={classes.footer}>
          <Text size="xs" c="dimmed" ta="center">
            {t('app.footer')}
          </Text>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

function DrawerLink({ item, pathname }: { item: NavItem; pathname: string }) {
  const { t } = useTranslation();
  return (
    <MantineNavLink
      component={NavLink}
      to={item.to}
      end={item.end}
      label={t(item.labelKey)}
      active={item.end ? pathname === item.to : pathname.startsWith(item.to)}
      data-testid={`${item.testId}-mobile`}
    />
  );
}
