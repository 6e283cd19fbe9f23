import {
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
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
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vnLocalToIso } from '../../../domain/calendar/vn-time.ts';
import { isApiProblem } from '../../api/client';
import type { Consultation, ConsultationChannel, Me, ProcedureSummary } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIsMobile } from '../../components/use-is-mobile';
import { formatDateTime } from '../../lib/datetime';
import { useProcedures } from '../catalog/use-procedures';
import { REPORT_ROLES, RequireUser } from '../identity/RequireUser';
import { PeriodPicker } from '../reports/PeriodPicker';
import { useReportPeriod } from '../reports/use-report-period';
import { RegistersFrame, useRegisterUnit } from './RegistersFrame';
import { useAddConsultation, useConsultationLog } from './use-registers';

const CHANNELS: ConsultationChannel[] = ['counter', 'phone', 'online'];
const NONE = '__none__';

interface ConsultationValues {
  fieldCode: string;
  procedureCode: string;
  channel: ConsultationChannel;
  subject: string;
  /** Office (Vietnam) local time 'YYYY-MM-DDTHH:mm'; empty means now. */
  at: string;
}

function fieldsOf(procedures: ProcedureSummary[]): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const p of procedures) seen.set(p.field.code, p.field.name);
  return [...seen].map(([value, label]) => ({ value, label }));
}

function ConsultationForm({ unit, procedures }: { unit: string; procedures: ProcedureSummary[] }) {
  const { t } = useTranslation('reports');
  const add = useAddConsultation(unit);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<ConsultationValues>({
    initialValues: { fieldCode: '', procedureCode: NONE, channel: 'counter', subject: '', at: '' },
    validate: {
      fieldCode: (v) => (v ? null : t('registers.required')),
      subject: (v) => (v.trim() ? null : t('registers.required')),
    },
  });
  const fields = useMemo(() => fieldsOf(procedures), [procedures]);
  const procedureOptions = useMemo(
    () => [
      { value: NONE, label: t('consultationLog.noProcedure') },
      ...procedures
        .filter((p) => !form.values.fieldCode || p.field.code === form.values.fieldCode)
        .map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` })),
    ],
    [procedures, form.values.fieldCode, t],
  );

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await add.mutateAsync({
        fieldCode: values.fieldCode,
        procedureCode: values.procedureCode === NONE ? null : values.procedureCode,
        channel: values.channel,
        subject: values.subject.trim(),
        // The time typed is office time, whatever the browser's zone.
        at: values.at ? vnLocalToIso(values.at) : undefined,
      });
    } catch (error) {
      if (isApiProblem(error)) for (const e of error.errors) form.setFieldError(e.path, e.message);
      setFailure(error);
      return;
    }
    notifications.show({ color: 'teal', message: t('consultationLog.added') });
    form.reset();
  });

  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
      <form onSubmit={submit} noValidate data-testid="consultation-form">
        <Stack gap="sm">
          <Title order={2} fz="md">
            {t('consultationLog.addTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('consultationLog.field')}
              withAsterisk
              data={fields}
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('fieldCode')}
              onChange={(value) => {
                form.setFieldValue('fieldCode', value ?? '');
                form.setFieldValue('procedureCode', NONE);
              }}
              data-testid="consultation-field"
            />
            <Select
              label={t('consultationLog.procedure')}
              data={procedureOptions}
              searchable
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('procedureCode')}
              data-testid="consultation-procedure"
            />
          </SimpleGrid>
          <TextInput
            label={t('consultationLog.subject')}
            placeholder={t('consultationLog.subjectPlaceholder')}
            withAsterisk
            maxLength={500}
            {...form.getInputProps('subject')}
            data-testid="consultation-subject"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('consultationLog.channel')}
              </Text>
              <SegmentedControl
                data={CHANNELS.map((c) => ({ value: c, label: t(`consultations.channels.${c}`) }))}
                {...form.getInputProps('channel')}
                fullWidth
                aria-label={t('consultationLog.channel')}
                data-testid="consultation-channel"
              />
            </Stack>
            <TextInput
              type="datetime-local"
              label={t('consultationLog.at')}
              description={t('consultationLog.atHint')}
              {...form.getInputProps('at')}
              data-testid="consultation-at"
            />
          </SimpleGrid>
          {failure ? <ProblemAlert error={failure} testId="consultation-error" /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending} data-testid="consultation-submit">
              {t('consultationLog.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ConsultationList({ items, procedures }: { items: Consultation[]; procedures: ProcedureSummary[] }) {
  const { t } = useTranslation('reports');
  const isMobile = useIsMobile();
  const fieldName = useMemo(() => new Map(fieldsOf(procedures).map((f) => [f.value, f.label])), [procedures]);
  const procedureName = useMemo(() => new Map(procedures.map((p) => [p.code, p.name])), [procedures]);
  const channel = (c: Consultation) => (
    <Badge size="sm" variant="light" color="gray" radius="sm">
      {t(`consultations.channels.${c.channel}`)}
    </Badge>
  );
  if (isMobile) {
    return (
      <Stack gap="xs" data-testid="consultations-list">
        {items.map((c) => (
          <Card key={c.id} padding="sm" radius="md" data-testid="consultation-row" data-id={c.id}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="xs" c="dimmed">
                {formatDateTime(c.at)}
              </Text>
              {channel(c)}
            </Group>
            <Text size="sm" fw={600} mt={2}>
              {c.subject}
            </Text>
            <Text size="xs" c="brand.8">
              {fieldName.get(c.fieldCode) ?? c.fieldCode}
              {c.procedureCode ? ` · ${procedureName.get(c.procedureCode) ?? c.procedureCode}` : ''}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped verticalSpacing="xs" fz="sm" bg="white" withTableBorder data-testid="consultations-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={48}>{t('staff.cols.no')}</Table.Th>
          <Table.Th w={140}>{t('consultationLog.at')}</Table.Th>
          <Table.Th miw={220}>{t('consultationLog.subject')}</Table.Th>
          <Table.Th w={140}>{t('consultationLog.field')}</Table.Th>
          <Table.Th w={320}>{t('consultationLog.procedure')}</Table.Th>
          <Table.Th w={110}>{t('consultationLog.channel')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c, index) => (
          <Table.Tr key={c.id} data-testid="consultation-row" data-id={c.id}>
            <Table.Td>{index + 1}</Table.Td>
            <Table.Td>{formatDateTime(c.at)}</Table.Td>
            <Table.Td>{c.subject}</Table.Td>
            <Table.Td>{fieldName.get(c.fieldCode) ?? c.fieldCode}</Table.Td>
            <Table.Td>
              {c.procedureCode ? (
                <Text size="sm" lineClamp={2}>
                  {procedureName.get(c.procedureCode) ?? c.procedureCode}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td>{channel(c)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Consultations({ me }: { me: Me }) {
  const { t } = useTranslation('reports');
  const unit = useRegisterUnit(me);
  const { choice, error, setChoice } = useReportPeriod();
  const log = useConsultationLog(unit.code, choice.from, choice.to, !error);
  const procedures = useProcedures(unit.code, '');
  const canAdd = me.role === 'reception' || me.role === 'specialist' || me.role === 'leader';
  return (
    <RegistersFrame me={me} tab="consultations" unit={unit} title={t('consultationLog.title')}>
      <Stack gap="md" data-testid="consultations-page">
        {canAdd && unit.code ? (
          <ConsultationForm unit={unit.code} procedures={procedures.data ?? []} />
        ) : null}
        <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
          <PeriodPicker choice={choice} error={error} onChange={setChoice} />
        </Paper>
        {error ? null : log.isPending ? (
          <Center py="xl">
            <Loader />
          </Center>
        ) : log.isError ? (
          <ProblemAlert error={log.error} testId="consultations-list-error" />
        ) : (
          <>
            <Text size="sm" c="dimmed" data-testid="consultations-count">
              {t('consultations.total', { count: log.data.length })}
            </Text>
            {log.data.length === 0 ? (
              <Paper p="xl" radius="lg" ta="center" data-testid="consultations-empty">
                <Text c="dimmed">{t('consultations.none')}</Text>
              </Paper>
            ) : (
              <ConsultationList items={log.data} procedures={procedures.data ?? []} />
            )}
          </>
        )}
      </Stack>
    </RegistersFrame>
  );
}

/** `/tu-van`: the log of guidance given at the counter or by phone, with the form to add an entry. */
export function ConsultationsPage() {
  return <RequireUser allow={REPORT_ROLES}>{(me) => <Consultations me={me} />}</RequireUser>;
}
