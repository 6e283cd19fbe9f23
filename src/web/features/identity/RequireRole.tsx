import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../api/types';
import { IconAlert } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMe } from './use-me';

/** Renders its children for a signed-in user with the role; sends visitors to sign in first. */
export function RequireRole({ allow, children }: { allow: Role; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/dang-nhap?next=${next}`} replace />;
  }
  if (me.data.role !== allow) {
    return (
      <Alert color="orange" icon={<IconAlert />} title={t('auth.forbiddenTitle')} data-testid="forbidden">
        {t('auth.forbiddenBody', { role: t(`roles.${allow}`) })}
      </Alert>
    );
  }
  return <>{children}</>;
}
