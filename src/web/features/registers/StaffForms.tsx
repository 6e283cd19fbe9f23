import {
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client';
import type { OrgUnitKind, StaffBloc, StaffCategory, StaffMember } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIsMobile } from '../../components/use-is-mobile';
import { formatPlainDate, todayInVietnam } from '../../lib/datetime';
import { useAddStaff, useAddTraining, useTrainings } from './use-registers';

const CATEGORIES: StaffCategory[] = ['can_bo', 'cong_chuc', 'vien_chuc', 'hd111', 'part_time', 'seconded'];
const BLOCS: StaffBloc[] = ['party', 'state', 'front'];
const ORG_KINDS: OrgUnitKind[] = [
  'center',
  'office',
  'public_service_unit',
  'party',
  'front',
  'council',
  'other',
];
const NO_BLOC = '__none__';

interface StaffValues {
  fullName: string;
  personalId: string;
  category: StaffCategory;
  bloc: string;
  orgUnit: string;
  orgUnitKind: OrgUnitKind;
  position: string;
  fields: string[];
  counters: string[];
  startDate: string;
}

/** "Thêm người": one person added to the commune's register by hand (leaders and administrators). */
export function AddStaffModal({
  unit,
  opened,
  onClose,
}: {
  unit: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('reports');
  const isMobile = useIsMobile();
  const add = useAddStaff(unit);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<StaffValues>({
    initialValues: {
      fullName: '',
      personalId: '',
      category: 'cong_chuc',
      bloc: 'state',
      orgUnit: t('staffForm.defaultOrgUnit'),
      orgUnitKind: 'center',
      position: '',
      fields: [],
      counters: [],
      startDate: '',
    },
    validate: {
      fullName: (v) => (v.trim() ? null : t('registers.required')),
      personalId: (v) => (!v.trim() || /^\d{12}$/.test(v.trim()) ? null : t('staffForm.personalIdInvalid')),
      orgUnit: (v) => (v.trim() ? null : t('registers.required')),
    },
  });
  const close = () => {
    setFailure(null);
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await add.mutateAsync({
        fullName: values.fullName.trim(),
        personalId: values.personalId.trim() || null,
        category: values.category,
        bloc: values.bloc === NO_BLOC ? null : (values.bloc as StaffBloc),
        orgUnit: values.orgUnit.trim(),
        orgUnitKind: values.orgUnitKind,
        position: values.position.trim() || null,
        fields: values.fields,
        counters: values.counters,
        startDate: values.startDate || null,
      });
    } catch (error) {
      if (isApiProblem(error)) for (const e of error.errors) form.setFieldError(e.path, e.message);
      setFailure(error);
      return;
    }
    notifications.show({ color: 'teal', message: t('staffForm.added', { name: values.fullName.trim() }) });
    close();
  });

  return (
    <Modal opened={opened} onClose={close} title={t('staffForm.title')} size="lg" fullScreen={isMobile}>
      <form onSubmit={submit} noValidate data-testid="staff-form">
        <Stack gap="sm">
          {failure ? <ProblemAlert error={failure} testId="staff-form-error" /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('staff.cols.name')}
              withAsterisk
              {...form.getInputProps('fullName')}
              data-testid="staff-form-name"
            />
            <TextInput
              label={t('staffForm.personalId')}
              inputMode="numeric"
              maxLength={12}
              {...form.getInputProps('personalId')}
              data-testid="staff-form-personal-id"
            />
            <Select
              label={t('staff.cols.category')}
              data={CATEGORIES.map((c) => ({ value: c, label: t(`staff.categories.${c}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('category')}
              data-testid="staff-form-category"
            />
            <Select
              label={t('staffForm.bloc')}
              data={[
                { value: NO_BLOC, label: t('staffForm.noBloc') },
                ...BLOCS.map((b) => ({ value: b, label: t(`staff.blocs.${b}`) })),
              ]}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('bloc')}
              data-testid="staff-form-bloc"
            />
            <TextInput
              label={t('staff.cols.unit')}
              withAsterisk
              {...form.getInputProps('orgUnit')}
              data-testid="staff-form-org-unit"
            />
            <Select
              label={t('staffForm.orgUnitKind')}
              data={ORG_KINDS.map((k) => ({ value: k, label: t(`staff.orgKinds.${k}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('orgUnitKind')}
              data-testid="staff-form-org-kind"
            />
            <TextInput
              label={t('staff.cols.position')}
              {...form.getInputProps('position')}
              data-testid="staff-form-position"
            />
            <TextInput
              label={t('staffForm.startDate')}
              type="date"
              {...form.getInputProps('startDate')}
              data-testid="staff-form-start"
            />
            <TagsInput
              label={t('staffForm.fields')}
              description={t('staffForm.fieldsHint')}
              {...form.getInputProps('fields')}
              data-testid="staff-form-fields"
            />
            <TagsInput
              label={t('staffForm.counters')}
              {...form.getInputProps('counters')}
              data-testid="staff-form-counters"
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('staffForm.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="staff-form-submit">
              {t('staffForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface TrainingValues {
  course: string;
  day: string;
  hours: number | string;
  coversOneStop: boolean;
}

/** One person's training courses, and (leaders) the form to record another. */
export function TrainingsModal({
  unit,
  person,
  canEdit,
  onClose,
}: {
  unit: string;
  person: StaffMember | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('reports');
  const isMobile = useIsMobile();
  const trainings = useTrainings(unit, person?.id ?? null);
  const add = useAddTraining(unit);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<TrainingValues>({
    initialValues: { course: '', day: todayInVietnam(), hours: 8, coversOneStop: true },
    validate: {
      course: (v) => (v.trim() ? null : t('registers.required')),
      day: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('registers.required')),
      hours: (v) => (typeof v === 'number' && v > 0 && v <= 2000 ? null : t('staffForm.hoursInvalid')),
    },
  });
  const close = () => {
    setFailure(null);
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    if (!person) return;
    setFailure(null);
    try {
      await add.mutateAsync({
        staffId: person.id,
        course: values.course.trim(),
        day: values.day,
        hours: Number(values.hours),
        coversOneStop: values.coversOneStop,
      });
    } catch (error) {
      if (isApiProblem(error)) for (const e of error.errors) form.setFieldError(e.path, e.message);
      setFailure(error);
      return;
    }
    notifications.show({ color: 'teal', message: t('training.added') });
    form.reset();
  });

  return (
    <Modal
      opened={person !== null}
      onClose={close}
      title={person ? t('training.title', { name: person.fullName }) : ''}
      size="lg"
      fullScreen={isMobile}
    >
      <Stack gap="md" data-testid="trainings">
        {trainings.isPending ? (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        ) : trainings.isError ? (
          <ProblemAlert error={trainings.error} testId="trainings-error" />
        ) : trainings.data.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="trainings-empty">
            {t('training.empty')}
          </Text>
        ) : isMobile ? (
          <Stack gap={6}>
            {trainings.data.map((r) => (
              <Card key={r.id} padding="xs" radius="sm" bg="gray.0" data-testid="training-row">
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {r.course}
                </Text>
                <Group gap="xs" mt={4}>
                  <Text size="xs" c="dimmed">
                    {formatPlainDate(r.day)} · {t('training.hoursCount', { count: r.hours })}
                  </Text>
                  {r.coversOneStop ? (
                    <Badge size="sm" color="teal" variant="light" radius="sm">
                      {t('training.oneStop')}
                    </Badge>
                  ) : null}
                </Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table fz="sm" verticalSpacing={6} withTableBorder>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('training.course')}</Table.Th>
                <Table.Th w={100}>{t('training.day')}</Table.Th>
                <Table.Th w={60}>{t('training.hours')}</Table.Th>
                <Table.Th w={110}>{t('training.oneStop')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trainings.data.map((r) => (
                <Table.Tr key={r.id} data-testid="training-row">
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.course}</Table.Td>
                  <Table.Td>{formatPlainDate(r.day)}</Table.Td>
                  <Table.Td>{r.hours}</Table.Td>
                  <Table.Td>
                    {r.coversOneStop ? (
                      <Badge size="sm" color="teal" variant="light" radius="sm">
                        {t('training.yes')}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('training.no')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canEdit ? (
          <form onSubmit={submit} noValidate data-testid="training-form">
            <Stack gap="sm">
              <Title order={3} fz="sm">
                {t('training.addTitle')}
              </Title>
              {failure ? <ProblemAlert error={failure} testId="training-form-error" /> : null}
              <TextInput
                label={t('training.course')}
                withAsterisk
                {...form.getInputProps('course')}
                data-testid="training-course"
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('training.day')}
                  type="date"
                  withAsterisk
                  {...form.getInputProps('day')}
                  data-testid="training-day"
                />
                <NumberInput
                  label={t('training.hours')}
                  min={0.5}
                  max={2000}
                  step={0.5}
                  decimalScale={1}
                  allowNegative={false}
                  {...form.getInputProps('hours')}
                  data-testid="training-hours"
                />
              </SimpleGrid>
              <Checkbox
                label={t('training.coversOneStop')}
                {...form.getInputProps('coversOneStop', { type: 'checkbox' })}
                data-testid="training-one-stop"
              />
              <Group justify="flex-end">
                <Button type="submit" loading={add.isPending} data-testid="training-submit">
                  {t('training.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Modal>
  );
}
