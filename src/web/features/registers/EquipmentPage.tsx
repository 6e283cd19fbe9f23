import {
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client';
import type { EquipmentCondition, EquipmentItem, EquipmentKind, Me } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIsMobile } from '../../components/use-is-mobile';
import { REPORT_ROLES, RequireUser } from '../identity/RequireUser';
import { RegistersFrame, useRegisterUnit } from './RegistersFrame';
import { useAddEquipment, useEquipmentRegister } from './use-registers';

const KINDS: EquipmentKind[] = [
  'desk',
  'chair',
  'cabinet',
  'computer',
  'printer',
  'scanner',
  'queue_kiosk',
  'camera',
  'other',
];
const CONDITIONS: EquipmentCondition[] = ['good', 'fair', 'poor'];

interface EquipmentValues {
  kind: EquipmentKind;
  name: string;
  quantity: number | string;
  condition: EquipmentCondition;
  location: string;
  meetsNeed: boolean;
  note: string;
}

function EquipmentForm({ unit }: { unit: string }) {
  const { t } = useTranslation('reports');
  const add = useAddEquipment(unit);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<EquipmentValues>({
    initialValues: {
      kind: 'computer',
      name: '',
      quantity: 1,
      condition: 'good',
      location: '',
      meetsNeed: true,
      note: '',
    },
    validate: {
      name: (v) => (v.trim() ? null : t('registers.required')),
      quantity: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : t('equipment.quantityInvalid'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await add.mutateAsync({
        kind: values.kind,
        name: values.name.trim(),
        quantity: Number(values.quantity),
        condition: values.condition,
        location: values.location.trim() || null,
        meetsNeed: values.meetsNeed,
        note: values.note.trim() || null,
      });
    } catch (error) {
      if (isApiProblem(error)) for (const e of error.errors) form.setFieldError(e.path, e.message);
      setFailure(error);
      return;
    }
    notifications.show({ color: 'teal', message: t('equipment.added') });
    form.reset();
  });

  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
      <form onSubmit={submit} noValidate data-testid="equipment-form">
        <Stack gap="sm">
          <Title order={2} fz="md">
            {t('equipment.addTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <Select
              label={t('equipment.kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`equipment.kinds.${k}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
              data-testid="equipment-kind"
            />
            <TextInput
              label={t('equipment.name')}
              withAsterisk
              {...form.getInputProps('name')}
              data-testid="equipment-name"
            />
            <NumberInput
              label={t('equipment.quantity')}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('quantity')}
              data-testid="equipment-quantity"
            />
            <Select
              label={t('equipment.condition')}
              data={CONDITIONS.map((c) => ({ value: c, label: t(`equipment.conditions.${c}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('condition')}
              data-testid="equipment-condition"
            />
            <TextInput
              label={t('equipment.location')}
              {...form.getInputProps('location')}
              data-testid="equipment-location"
            />
            <TextInput
              label={t('equipment.note')}
              {...form.getInputProps('note')}
              data-testid="equipment-note"
            />
          </SimpleGrid>
          <Checkbox
            label={t('equipment.meetsNeedQuestion')}
            {...form.getInputProps('meetsNeed', { type: 'checkbox' })}
            data-testid="equipment-meets-need-input"
          />
          {failure ? <ProblemAlert error={failure} testId="equipment-error" /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending} data-testid="equipment-submit">
              {t('equipment.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EquipmentList({ items }: { items: EquipmentItem[] }) {
  const { t } = useTranslation('reports');
  const isMobile = useIsMobile();
  const needBadge = (item: EquipmentItem) => (
    <Badge size="sm" variant="light" radius="sm" color={item.meetsNeed ? 'teal' : 'orange'}>
      {item.meetsNeed ? t('equipment.enough') : t('equipment.notEnough')}
    </Badge>
  );
  if (isMobile) {
    return (
      <Stack gap="xs" data-testid="equipment-list">
        {items.map((item) => (
          <Card key={item.id} padding="sm" radius="md" data-testid="equipment-row" data-id={item.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={700} size="sm">
                {item.name}
              </Text>
              {needBadge(item)}
            </Group>
            <Text size="sm">
              {t(`equipment.kinds.${item.kind}`)} · {t('equipment.quantityN', { count: item.quantity })} ·{' '}
              {t(`equipment.conditions.${item.condition}`)}
            </Text>
            {item.location ? (
              <Text size="xs" c="dimmed">
                {item.location}
              </Text>
            ) : null}
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped verticalSpacing="xs" fz="sm" bg="white" withTableBorder data-testid="equipment-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('equipment.name')}</Table.Th>
          <Table.Th w={150}>{t('equipment.kind')}</Table.Th>
          <Table.Th w={90} ta="right">
            {t('equipment.quantity')}
          </Table.Th>
          <Table.Th w={120}>{t('equipment.condition')}</Table.Th>
          <Table.Th>{t('equipment.location')}</Table.Th>
          <Table.Th w={130}>{t('equipment.meetsNeedColumn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-testid="equipment-row" data-id={item.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {item.name}
              </Text>
              {item.note ? (
                <Text size="xs" c="dimmed">
                  {item.note}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{t(`equipment.kinds.${item.kind}`)}</Table.Td>
            <Table.Td ta="right">{item.quantity}</Table.Td>
            <Table.Td>{t(`equipment.conditions.${item.condition}`)}</Table.Td>
            <Table.Td>{item.location}</Table.Td>
            <Table.Td>{needBadge(item)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Equipment({ me }: { me: Me }) {
  const { t } = useTranslation('reports');
  const unit = useRegisterUnit(me);
  const equipment = useEquipmentRegister(unit.code);
  const canEdit = me.role === 'leader' || me.role === 'admin';
  return (
    <RegistersFrame me={me} tab="equipment" unit={unit} title={t('equipment.registerTitle')}>
      <Stack gap="md" data-testid="equipment-page">
        {canEdit && unit.code ? <EquipmentForm unit={unit.code} /> : null}
        {equipment.isPending ? (
          <Center py="xl">
            <Loader />
          </Center>
        ) : equipment.isError ? (
          <ProblemAlert error={equipment.error} testId="equipment-list-error" />
        ) : equipment.data.length === 0 ? (
          <Paper p="xl" radius="lg" ta="center" data-testid="equipment-empty">
            <Text c="dimmed">{t('equipment.noData')}</Text>
          </Paper>
        ) : (
          <EquipmentList items={equipment.data} />
        )}
      </Stack>
    </RegistersFrame>
  );
}

/** `/thiet-bi`: the center's equipment register; leaders add items. */
export function EquipmentPage() {
  return <RequireUser allow={REPORT_ROLES}>{(me) => <Equipment me={me} />}</RequireUser>;
}
