import {
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesSearch } from '../../../domain/text/fold.ts';
import { staffExportUrl } from '../../api/endpoints';
import type { Me, StaffCategory, StaffMember } from '../../api/types';
import { IconDownload, IconPlus, IconSearch } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIsMobile } from '../../components/use-is-mobile';
import { REPORT_ROLES, RequireUser } from '../identity/RequireUser';
import { RegistersFrame, useRegisterUnit } from './RegistersFrame';
import { AddStaffModal, TrainingsModal } from './StaffForms';
import { StaffImport } from './StaffImport';
import { useStaffRegister } from './use-registers';

const ALL = '__all__';
const CATEGORIES: StaffCategory[] = ['can_bo', 'cong_chuc', 'vien_chuc', 'hd111', 'part_time', 'seconded'];

function TrainedBadge({ person }: { person: StaffMember }) {
  const { t } = useTranslation('reports');
  return person.trainedOneStop ? (
    <Badge size="sm" color="teal" variant="light" radius="sm">
      {t('staff.trained')}
    </Badge>
  ) : person.orgUnitKind === 'center' ? (
    <Badge size="sm" color="orange" variant="light" radius="sm">
      {t('staff.untrained')}
    </Badge>
  ) : null;
}

function StaffList({ people, onOpen }: { people: StaffMember[]; onOpen: (person: StaffMember) => void }) {
  const { t } = useTranslation('reports');
  const isMobile = useIsMobile();
  const category = (p: StaffMember) => t(`staff.categories.${p.category}`);
  const bloc = (p: StaffMember) => (p.bloc ? t(`staff.blocs.${p.bloc}`) : '');

  if (isMobile) {
    return (
      <Stack gap="xs" data-testid="staff-list">
        {people.map((p, index) => (
          <Card key={p.id} padding="sm" radius="md" data-testid="staff-row" data-id={p.id}>
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Text fw={700} size="sm">
                {index + 1}. {p.fullName}
              </Text>
              <TrainedBadge person={p} />
            </Group>
            <Text size="sm">{p.position}</Text>
            <Text size="xs" c="dimmed">
              {p.orgUnit}
            </Text>
            <Text size="xs" c="brand.8" mt={2}>
              {category(p)}
              {p.bloc ? ` · ${bloc(p)}` : ''}
            </Text>
            <Group justify="flex-end" mt={4}>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => onOpen(p)}
                data-testid="staff-trainings"
              >
                {t('training.open')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" bg="white" data-testid="staff-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>{t('staff.cols.no')}</Table.Th>
            <Table.Th>{t('staff.cols.name')}</Table.Th>
            <Table.Th w={170}>{t('staff.cols.category')}</Table.Th>
            <Table.Th>{t('staff.cols.unit')}</Table.Th>
            <Table.Th>{t('staff.cols.position')}</Table.Th>
            <Table.Th w={90}>{t('staff.cols.fields')}</Table.Th>
            <Table.Th w={210}>{t('staff.cols.training')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p, index) => (
            <Table.Tr key={p.id} data-testid="staff-row" data-id={p.id}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {p.fullName}
                </Text>
                {p.personalId ? (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {p.personalId}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{category(p)}</Text>
                {p.bloc ? (
                  <Text size="xs" c="dimmed">
                    {bloc(p)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{p.orgUnit}</Table.Td>
              <Table.Td>{p.position}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {p.fields.join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <TrainedBadge person={p} />
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onOpen(p)}
                    data-testid="staff-trainings"
                  >
                    {t('training.open')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Staff({ me }: { me: Me }) {
  const { t } = useTranslation('reports');
  const unit = useRegisterUnit(me);
  const staff = useStaffRegister(unit.code);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [category, setCategory] = useState<string>(ALL);
  const canImport = me.role === 'leader' || me.role === 'admin';
  const [adding, setAdding] = useState(false);
  const [openPerson, setOpenPerson] = useState<StaffMember | null>(null);

  const visible = useMemo(
    () =>
      (staff.data ?? []).filter(
        (p) =>
          (category === ALL || p.category === category) &&
          (!debounced.trim() ||
            matchesSearch(`${p.fullName} ${p.position ?? ''} ${p.orgUnit} ${p.personalId ?? ''}`, debounced)),
      ),
    [staff.data, category, debounced],
  );

  return (
    <RegistersFrame me={me} tab="staff" unit={unit} title={t('staff.title')}>
      <Stack gap="md" data-testid="staff-page">
        <Paper p="sm" radius="lg">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('staff.search')}
                placeholder={t('staff.searchPlaceholder')}
                leftSection={<IconSearch size={16} />}
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
                type="search"
                data-testid="staff-search"
              />
              <Select
                label={t('staff.category')}
                data={[
                  { value: ALL, label: t('staff.allCategories') },
                  ...CATEGORIES.map((c) => ({ value: c, label: t(`staff.categories.${c}`) })),
                ]}
                value={category}
                onChange={(value) => setCategory(value ?? ALL)}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="staff-category-filter"
              />
            </SimpleGrid>
            {unit.code ? (
              <StaffImport unit={unit.code} canImport={canImport}>
                {canImport ? (
                  <Button
                    size="sm"
                    leftSection={<IconPlus size={16} />}
                    onClick={() => setAdding(true)}
                    data-testid="staff-add"
                  >
                    {t('staffForm.open')}
                  </Button>
                ) : null}
                <Button
                  component="a"
                  href={staffExportUrl(unit.code)}
                  download
                  variant="default"
                  size="sm"
                  leftSection={<IconDownload size={16} />}
                  data-testid="staff-export"
                >
                  {t('staff.export')}
                </Button>
              </StaffImport>
            ) : null}
            {canImport ? (
              <Text size="xs" c="dimmed">
                {t('staff.import.hint')}
              </Text>
            ) : null}
          </Stack>
        </Paper>
        {staff.isPending ? (
          <Center py="xl">
            <Loader />
          </Center>
        ) : staff.isError ? (
          <ProblemAlert error={staff.error} testId="staff-error" />
        ) : (
          <>
            <Text size="sm" c="dimmed" data-testid="staff-count">
              {t('staff.count', { count: visible.length, total: staff.data.length })}
            </Text>
            {visible.length === 0 ? (
              <Paper p="xl" radius="lg" ta="center" data-testid="staff-empty">
                <Text c="dimmed">{t('staff.empty')}</Text>
              </Paper>
            ) : (
              <StaffList people={visible} onOpen={setOpenPerson} />
            )}
          </>
        )}
        {unit.code ? (
          <>
            <AddStaffModal unit={unit.code} opened={adding} onClose={() => setAdding(false)} />
            <TrainingsModal
              unit={unit.code}
              person={openPerson}
              canEdit={canImport}
              onClose={() => setOpenPerson(null)}
            />
          </>
        ) : null}
      </Stack>
    </RegistersFrame>
  );
}

/** `/nhan-su`: the commune's staffing register, with XLSX export and (leaders) import. */
export function StaffPage() {
  return <RequireUser allow={REPORT_ROLES}>{(me) => <Staff me={me} />}</RequireUser>;
}
