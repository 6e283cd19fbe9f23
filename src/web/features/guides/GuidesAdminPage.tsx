import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/datetime';
import { useGuideList, useGuideVersions, useIntakeGuide, useSaveGuide } from './api';

const FIELDS = ['checks', 'mistakes', 'copies', 'refusals'] as const;
type Draft = Record<(typeof FIELDS)[number], string> & { notes: string };

const toLines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The province administrator edits a procedure's intake guide; every save is a new version. */
export function GuidesAdminPage() {
  const { t } = useTranslation('guides');
  const list = useGuideList();
  const [code, setCode] = useState<string | null>(null);
  const guide = useIntakeGuide(code);
  const versions = useGuideVersions('intake', code);
  const save = useSaveGuide();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  useEffect(() => {
    if (!guide.data) return;
    const b = guide.data.body;
    setDraft({
      checks: b.checks.join('\n'),
      mistakes: b.mistakes.join('\n'),
      copies: b.copies.join('\n'),
      refusals: b.refusals.join('\n'),
      notes: b.notes ?? '',
    });
  }, [guide.data]);

  const options = useMemo(
    () =>
      (list.data?.intake ?? []).map((g) => ({
        value: g.procedureCode,
        label: `${g.procedureCode} · ${g.procedureName}`,
      })),
    [list.data],
  );

  return (
    <Stack gap="md" data-testid="guides-admin">
      <Title order={1} fz={{ base: 22, sm: 28 }}>
        {t('admin.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('admin.lead')}
      </Text>
      <Select
        label={t('admin.procedure')}
        data={options}
        value={code}
        onChange={(v) => {
          setCode(v);
          setSaved(null);
          save.reset();
        }}
        searchable
        data-testid="guides-admin-procedure"
      />
      {code && draft && guide.data ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper withBorder p="md" radius="md">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const body = {
                    checks: toLines(draft.checks),
                    mistakes: toLines(draft.mistakes),
                    copies: toLines(draft.copies),
                    refusals: toLines(draft.refusals),
                    ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
                  };
                  save.mutate(
                    { kind: 'intake', subject: code, baseVersion: guide.data.version, body },
                    { onSuccess: (r) => setSaved(r.version) },
                  );
                }}
              >
                <Stack gap="sm">
                  <Text size="xs" c="dimmed">
                    {t('admin.onePerLine')}
                  </Text>
                  {FIELDS.map((f) => (
                    <Textarea
                      key={f}
                      label={t(`intake.${f}`)}
                      autosize
                      minRows={3}
                      value={draft[f]}
                      onChange={(e) => setDraft({ ...draft, [f]: e.currentTarget.value })}
                      data-testid={`guides-admin-${f}`}
                    />
                  ))}
                  <Textarea
                    label={t('admin.notes')}
                    autosize
                    minRows={2}
                    value={draft.notes}
                    onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })}
                  />
                  {save.isError ? <ProblemAlert error={save.error} /> : null}
                  {saved ? (
                    <Alert color="green" data-testid="guides-admin-saved">
                      {t('admin.saved', { version: saved })}
                    </Alert>
                  ) : null}
                  <Group>
                    <Button type="submit" loading={save.isPending} data-testid="guides-admin-save">
                      {t('admin.save')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="md" radius="md" data-testid="guides-admin-versions">
              <Title order={2} fz="md" mb="xs">
                {t('admin.versions')}
              </Title>
              <Table fz="sm">
                <Table.Tbody>
                  {(versions.data?.versions ?? []).map((v) => (
                    <Table.Tr key={v.version}>
                      <Table.Td>{v.version}</Table.Td>
                      <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                      <Table.Td>{v.editedBy ?? t('admin.seeded')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}
