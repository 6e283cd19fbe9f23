import { Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/datetime';
import { useTrainingRegister } from './api';

/** The province sees who practised which exercise, and when. */
export function TrainingRegisterPage() {
  const { t } = useTranslation('guides');
  const register = useTrainingRegister();
  return (
    <Stack gap="md" data-testid="training-register">
      <Title order={1} fz={{ base: 22, sm: 28 }}>
        {t('register.title')}
      </Title>
      {register.isPending ? <Loader aria-label={t('loading')} /> : null}
      {register.isError ? <ProblemAlert error={register.error} /> : null}
      {register.data && register.data.length === 0 ? <Text c="dimmed">{t('register.empty')}</Text> : null}
      {register.data?.length ? (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('register.officer')}</Table.Th>
                <Table.Th>{t('register.unit')}</Table.Th>
                <Table.Th>{t('register.exercise')}</Table.Th>
                <Table.Th>{t('register.completedAt')}</Table.Th>
                <Table.Th>{t('register.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {register.data.map((r) => (
                <Table.Tr key={`${r.username}-${r.completedAt}`} data-testid="training-register-row">
                  <Table.Td>{r.fullName}</Table.Td>
                  <Table.Td>{r.unitCode}</Table.Td>
                  <Table.Td>{r.exerciseTitle}</Table.Td>
                  <Table.Td>{formatDateTime(r.completedAt)}</Table.Td>
                  <Table.Td>{r.passed ? t('register.passed') : t('register.failed')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </Stack>
  );
}
