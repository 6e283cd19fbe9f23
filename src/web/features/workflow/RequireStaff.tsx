import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../api/types';
import { IconAlert } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMe } from '../identity/use-me';

interface RequireStaffProps {
  /** Decides whether the signed-in user may see the page. */
  allow: (me: Me) => boolean;
  children: (me: Me) => ReactNode;
}

/** Renders its children for a signed-in user the rule allows; sends visitors to sign in first. */
export function RequireStaff({ allow, children }: RequireStaffProps) {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflow');
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
  if (!allow(me.data)) {
    return (
      <Alert color="orange" icon={<IconAlert />} title={t('auth.forbiddenTitle')} data-testid="forbidden">
        {tw('forbiddenBody')}
      </Alert>
    );
  }
  return <>{children(me.data)}</>;
}
