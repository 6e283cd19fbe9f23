import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../api/types';
import { IconLogin } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLogin, useMe } from './use-me';

/** Only same-site paths are accepted as a return address, never another origin. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

function landingFor(me: Me, next: string | null): string {
  if (next) return next;
  return me.role === 'reception' ? '/tiep-nhan' : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.signInTitle')} · ${t('app.name')}`);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() ? null : t('auth.usernameRequired')),
      password: (value) => (value ? null : t('auth.passwordRequired')),
    },
  });

  if (me.data && !login.isPending && !login.isSuccess)
    return <Navigate to={landingFor(me.data, next)} replace />;

  const submit = form.onSubmit((values) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: (signedIn) => void navigate(landingFor(signedIn, next), { replace: true }) },
    );
  });

  return (
    <Paper
      maw={420}
      mx="auto"
      mt={{ base: 'md', sm: 48 }}
      p={{ base: 'lg', sm: 'xl' }}
      radius="lg"
      shadow="sm"
    >
      <Stack gap="xs" mb="lg">
        <Title order={1} fz={26}>
          {t('auth.signInTitle')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('auth.signInIntro')}
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate data-testid="login-form">
        <Stack gap="md">
          {login.isError ? <ProblemAlert error={login.error} testId="login-error" /> : null}
          <TextInput
            label={t('auth.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-testid="login-username"
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            data-testid="login-password"
            {...form.getInputProps('password')}
          />
          <Button
            type="submit"
            loading={login.isPending}
            leftSection={<IconLogin size={16} />}
            data-testid="login-submit"
          >
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
