import { Accordion, Alert, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/datetime';
import { type IntakeGuideBody, useIntakeGuide } from './api';

const SECTIONS: Array<keyof Omit<IntakeGuideBody, 'notes'>> = ['checks', 'mistakes', 'copies', 'refusals'];

/**
 * The intake guide of the chosen procedure, beside the intake form. Its text is data edited by the
 * province: it is rendered as text only (React escapes it), never as HTML.
 */
export function IntakeGuidePanel({ procedureCode }: { procedureCode: string | null }) {
  const { t } = useTranslation('guides');
  const guide = useIntakeGuide(procedureCode);
  if (!procedureCode) return null;
  if (guide.isPending) return <Loader size="sm" aria-label={t('loading')} />;
  if (guide.isError)
    return (
      <Alert color="gray" data-testid="intake-guide-missing">
        {t('intake.missing')}
      </Alert>
    );
  const g = guide.data;
  return (
    <Paper withBorder p="md" radius="md" data-testid="intake-guide" data-version={g.version}>
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('intake.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('intake.version', { version: g.version, date: formatDateTime(g.createdAt) })}
          {g.editedBy ? ` · ${g.editedBy}` : ''}
        </Text>
        <Accordion multiple defaultValue={['checks', 'refusals']} variant="separated">
          {SECTIONS.map((key) => (
            <Accordion.Item key={key} value={key} data-testid={`intake-guide-${key}`}>
              <Accordion.Control>{t(`intake.${key}`)}</Accordion.Control>
              <Accordion.Panel>
                <List size="sm" spacing={4}>
                  {g.body[key].map((line, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: lines of a text; two may be equal
                    <List.Item key={i} style={{ whiteSpace: 'pre-wrap' }}>
                      {line}
                    </List.Item>
                  ))}
                </List>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        {g.body.notes ? (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {g.body.notes}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
