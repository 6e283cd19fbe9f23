import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Me, Role } from '../../api/types';
import { IconAlert } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMe } from './use-me';

interface RequireUserProps {
  /** The roles that may see the page, or a rule over the signed-in user. */
  allow: readonly Role[] | ((me: Me) => boolean);
  /** i18n key ('namespace:key') of what a refused user is told; by default, which roles may enter. */
  forbiddenKey?: string;
  children: ReactNode | ((me: Me) => ReactNode);
}

/**
 * The one guard of staff pages: a loader while the session is read, visitors to the sign-in page
 * (and back afterwards), a plain refusal to a signed-in user without the right.
 */
export function RequireUser({ allow, forbiddenKey, children }: RequireUserProps) {
  const { t } = useTranslation(['translation', 'workflow']);
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
  const user = me.data;
  const allowed = typeof allow === 'function' ? allow(user) : allow.includes(user.role);
  if (!allowed) {
    const body = forbiddenKey
      ? t(forbiddenKey)
      : typeof allow === 'function'
        ? t('auth.forbiddenTitle')
        : t('auth.forbiddenBody', { role: allow.map((role) => t(`roles.${role}`)).join(', ') });
    return (
      <Alert color="orange" icon={<IconAlert />} title={t('auth.forbiddenTitle')} data-testid="forbidden">
        {body}
      </Alert>
    );
  }
  return <>{typeof children === 'function' ? children(user) : children}</>;
}

export const COMMUNE_ROLES: readonly Role[] = ['reception', 'specialist', 'leader'];
export const REPORT_ROLES: readonly Role[] = ['reception', 'specialist', 'leader', 'province', 'admin'];
export const OVERSIGHT_ROLES: readonly Role[] = ['province', 'admin'];
export const INSPECTION_ROLES: readonly Role[] = ['leader', 'province', 'admin'];
