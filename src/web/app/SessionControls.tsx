import { Button, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../api/types';
import { IconLogin, IconLogout, IconUser } from '../components/icons';
import { problemMessage } from '../components/problem-message';
import { useLogout } from '../features/identity/use-me';

interface SessionControlsProps {
  me: Me | null | undefined;
  stacked?: boolean;
}

/** Sign-in link for visitors; name, role and sign-out for staff. */
export function SessionControls({ me, stacked = false }: SessionControlsProps) {
  const { t, i18n } = useTranslation();
  const logout = useLogout();
  const signOut = async () => {
    try {
      await logout.mutateAsync();
    } catch (error) {
      notifications.show({ color: 'red', message: problemMessage(error, t, i18n.language) });
      return;
    }
    // A full page load drops every staff datum held in memory and lands on the public home page
    // (a client-side navigation would race the guard of the staff page, which sends to sign-in).
    window.location.assign('/');
  };

  if (!me) {
    return (
      <Button
        component={Link}
        to="/dang-nhap"
        variant={stacked ? 'light' : 'white'}
        color={stacked ? 'brand' : 'dark'}
        size={stacked ? 'sm' : 'compact-md'}
        leftSection={<IconLogin size={16} />}
        fullWidth={stacked}
        data-testid={stacked ? 'signin-link-mobile' : 'signin-link'}
      >
        {t('auth.signIn')}
      </Button>
    );
  }

  const who = (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="sm" fw={600} truncate="end" data-testid={stacked ? undefined : 'current-user'}>
        {me.fullName}
      </Text>
      <Text size="xs" c={stacked ? 'dimmed' : 'brand.1'} truncate="end">
        {t(`roles.${me.role}`)}
        {me.unit ? ` · ${me.unit.name}` : ''}
      </Text>
    </Stack>
  );

  if (stacked) {
    return (
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconUser />
          {who}
        </Group>
        <Button
          variant="light"
          color="gray"
          leftSection={<IconLogout size={16} />}
          onClick={() => void signOut()}
          loading={logout.isPending}
          data-testid="signout-button-mobile"
        >
          {t('auth.signOut')}
        </Button>
      </Stack>
    );
  }

  return (
    <Menu position="bottom-end" shadow="md" width={240}>
      <Menu.Target>
        <UnstyledButton
          c="white"
          px="xs"
          py={4}
          style={{ borderRadius: 8, maxWidth: 220 }}
          data-testid="user-menu"
        >
          <Group gap={8} wrap="nowrap">
            <IconUser />
            {who}
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.username}</Menu.Label>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() => void signOut()}
          data-testid="signout-button"
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
