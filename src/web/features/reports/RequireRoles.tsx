import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Me, Role } from '../../api/types';
import { IconAlert } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMe } from '../identity/use-me';

interface RequireRolesProps {
  allow: readonly Role[];
  children: (me: Me) => ReactNode;
}

/** Renders its children for a signed-in user holding one of the roles; visitors sign in first. */
export function RequireRoles({ allow, children }: RequireRolesProps) {
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
  if (!allow.includes(me.data.role)) {
    return (
      <Alert color="orange" icon={<IconAlert />} title={t('auth.forbiddenTitle')} data-testid="forbidden">
        {t('auth.forbiddenBody', { role: allow.map((role) => t(`roles.${role}`)).join(', ') })}
      </Alert>
    );
  }
  return <>{children(me.data)}</>;
}

export const COMMUNE_ROLES: readonly Role[] = ['reception', 'specialist', 'leader'];
export const REPORT_ROLES: readonly Role[] = ['reception', 'specialist', 'leader', 'province', 'admin'];
export const OVERSIGHT_ROLES: readonly Role[] = ['province', 'admin'];
export const INSPECTION_ROLES: readonly Role[] = ['leader', 'province', 'admin'];
