import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { useCommunes, useSelectedUnit } from '../units/use-communes';

export type RegisterTab = 'staff' | 'equipment' | 'consultations';

const PATHS: Record<RegisterTab, string> = {
  staff: '/nhan-su',
  equipment: '/thiet-bi',
  consultations: '/tu-van',
};

export interface RegisterUnit {
  /** The commune whose registers are shown; null until an overseer picks one. */
  code: string | null;
  name: string | null;
  /** Province officers and administrators choose the commune; commune staff see their own. */
  canChoose: boolean;
}

/**
 * The commune of a register page: commune staff always their own; province officers and
 * administrators the one in `?unit=` (or the last chosen), limited to the communes they oversee.
 */
export function useRegisterUnit(me: Me): RegisterUnit {
  const selected = useSelectedUnit();
  const communes = useCommunes();
  if (me.role !== 'province' && me.role !== 'admin') {
    return { code: me.unit?.code ?? null, name: me.unit?.name ?? null, canChoose: false };
  }
  const inScope = (communes.data ?? []).filter((c) => me.role === 'admin' || c.parentCode === me.unit?.code);
  const unit = inScope.find((c) => c.code === selected.code);
  return { code: unit?.code ?? null, name: unit?.fullName ?? null, canChoose: true };
}

interface RegistersFrameProps {
  me: Me;
  tab: RegisterTab;
  unit: RegisterUnit;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** Title, commune choice and the tabs shared by the staff, equipment and consultation registers. */
export function RegistersFrame({ me, tab, unit, title, actions, children }: RegistersFrameProps) {
  const { t } = useTranslation('reports');
  const selected = useSelectedUnit();
  const communes = useCommunes();
  const options = (communes.data ?? [])
    .filter((c) => me.role === 'admin' || c.parentCode === me.unit?.code)
    .map((c) => ({ value: c.code, label: c.fullName }));
  const query = unit.canChoose && unit.code ? `?unit=${encodeURIComponent(unit.code)}` : '';

  return (
    <Stack gap="md">
      <PageTitle
        title={title}
        subtitle={unit.name ? t('registers.subtitle', { name: unit.name }) : undefined}
        actions={actions}
      />
      {unit.canChoose ? (
        <Paper p="sm" radius="lg">
          <Select
            label={t('registers.commune')}
            placeholder={t('registers.communePlaceholder')}
            data={options}
            value={unit.code}
            onChange={(value) => selected.selectUnit(value)}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            maw={420}
            data-testid="registers-unit-select"
          />
        </Paper>
      ) : null}
      <Group gap={4} wrap="wrap" component="nav" aria-label={t('registers.navLabel')}>
        {(Object.keys(PATHS) as RegisterTab[]).map((key) => (
          <Button
            key={key}
            component={Link}
            to={`${PATHS[key]}${query}`}
            variant={key === tab ? 'filled' : 'subtle'}
            size="sm"
            radius="xl"
            aria-current={key === tab ? 'page' : undefined}
            data-testid={`registers-tab-${key}`}
            style={{ flex: 'none' }}
          >
            {t(`registers.tabs.${key}`)}
          </Button>
        ))}
        {unit.code && me.role !== 'reception' && me.role !== 'specialist' ? (
          <Button
            component={Link}
            to={`/kiem-tra/${encodeURIComponent(unit.code)}`}
            variant="subtle"
            size="sm"
            radius="xl"
            data-testid="registers-tab-inspection"
            style={{ flex: 'none' }}
          >
            {t('registers.tabs.inspection')}
          </Button>
        ) : null}
      </Group>
      {unit.code ? (
        children
      ) : (
        <Paper p="xl" radius="lg" ta="center">
          <Text c="dimmed" data-testid="registers-choose-unit">
            {t('registers.chooseCommune')}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
