import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  FileInput,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComponentProps, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiProblem } from '../../api/client';
import type { Me } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { readAsBase64 } from '../dossiers/intake-form';
import {
  formatDay,
  formatInstantDay,
  type ManagedNotice,
  type NoticeFields,
  type NoticeKind,
  noticesApi,
} from './api';

const MAX_MB = 5;

interface FormValues {
  kind: NoticeKind;
  title: string;
  summary: string;
  body: string;
  docNumber: string;
  issuer: string;
  issuedOn: string;
  effectiveOn: string;
  expiresOn: string;
  files: File[];
  remove: string[];
}

const EMPTY: FormValues = {
  kind: 'notice',
  title: '',
  summary: '',
  body: '',
  docNumber: '',
  issuer: '',
  issuedOn: '',
  effectiveOn: '',
  expiresOn: '',
  files: [],
  remove: [],
};

function valuesOf(n: ManagedNotice): FormValues {
  return {
    kind: n.kind,
    title: n.title,
    summary: n.summary,
    body: n.body,
    docNumber: n.docNumber ?? '',
    issuer: n.issuer ?? '',
    issuedOn: n.issuedOn ?? '',
    effectiveOn: n.effectiveOn ?? '',
    expiresOn: n.expiresOn ?? '',
    files: [],
    remove: [],
  };
}

function fieldsOf(v: FormValues): NoticeFields {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const legal = v.kind === 'legal_document';
  return {
    kind: v.kind,
    title: v.title.trim(),
    summary: opt(v.summary),
    body: opt(v.body),
    docNumber: legal ? opt(v.docNumber) : undefined,
    issuer: legal ? opt(v.issuer) : undefined,
    issuedOn: legal ? opt(v.issuedOn) : undefined,
    effectiveOn: legal ? opt(v.effectiveOn) : undefined,
    expiresOn: opt(v.expiresOn),
  };
}

function NoticeForm({
  unit,
  editing,
  onDone,
}: {
  unit: string;
  editing: ManagedNotice | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('notices');
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<FormValues>({
    initialValues: editing ? valuesOf(editing) : EMPTY,
    validate: {
      title: (v) => (v.trim() ? null : t('admin.required')),
      files: (files) =>
        files.some((f) => f.type !== 'application/pdf' && !f.name.toLowerCase().endsWith('.pdf'))
          ? t('admin.notPdf')
          : null,
    },
  });
  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      const files = await Promise.all(
        v.files.map(async (f) => ({ fileName: f.name, dataBase64: await readAsBase64(f) })),
      );
      return editing
        ? noticesApi.update(editing.unit.code, editing.id, {
            ...fieldsOf(v),
            expectedVersion: editing.version,
            addAttachments: files,
            removeAttachments: v.remove,
          })
        : noticesApi.create({ ...fieldsOf(v), unitCode: unit, attachments: files });
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await save.mutateAsync(values);
      notifications.show({ color: 'teal', message: editing ? t('admin.saved') : t('admin.created') });
      onDone();
    } catch (error) {
      if (isApiProblem(error))
        for (const e of error.errors) form.setFieldError(e.path.split('.')[0] ?? e.path, e.message);
      setFailure(error);
    }
  });
  const legal = form.values.kind === 'legal_document';

  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg" withBorder>
      <form onSubmit={submit} noValidate data-testid="notice-form">
        <Stack gap="sm">
          <Title order={2} fz="md">
            {editing ? t('admin.editTitle', { title: editing.title }) : t('admin.newTitle')}
          </Title>
          <SegmentedControl
            aria-label={t('admin.kind')}
            data={[
              { value: 'notice', label: t('kind.notice') },
              { value: 'legal_document', label: t('kind.legal_document') },
            ]}
            {...form.getInputProps('kind')}
            data-testid="notice-kind"
          />
          <TextInput
            label={t('admin.titleField')}
            withAsterisk
            maxLength={300}
            {...form.getInputProps('title')}
            data-testid="notice-title"
          />
          {legal ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('fields.docNumber')}
                withAsterisk
                maxLength={80}
                {...form.getInputProps('docNumber')}
                data-testid="notice-doc-number"
              />
              <TextInput
                label={t('fields.issuer')}
                withAsterisk
                maxLength={200}
                {...form.getInputProps('issuer')}
                data-testid="notice-issuer"
              />
              <TextInput
                type="date"
                label={t('fields.issuedOn')}
                withAsterisk
                {...form.getInputProps('issuedOn')}
                data-testid="notice-issued-on"
              />
              <TextInput
                type="date"
                label={t('fields.effectiveOn')}
                {...form.getInputProps('effectiveOn')}
                data-testid="notice-effective-on"
              />
            </SimpleGrid>
          ) : null}
          <Textarea
            label={t('admin.summary')}
            description={t('admin.textHint')}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('summary')}
            data-testid="notice-summary"
          />
          <Textarea
            label={t('admin.body')}
            description={t('admin.textHint')}
            autosize
            minRows={5}
            maxLength={20000}
            {...form.getInputProps('body')}
            data-testid="notice-body-input"
          />
          <TextInput
            type="date"
            label={t('fields.expiresOn')}
            {...form.getInputProps('expiresOn')}
            data-testid="notice-expires-on"
            maw={260}
          />
          {editing?.attachments.length ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('admin.currentFiles')}
              </Text>
              {editing.attachments.map((f) => (
                <Checkbox
                  key={f.id}
                  label={t('admin.removeFile', { name: f.fileName })}
                  checked={form.values.remove.includes(f.id)}
                  onChange={(e) =>
                    form.setFieldValue(
                      'remove',
                      e.currentTarget.checked
                        ? [...form.values.remove, f.id]
                        : form.values.remove.filter((x) => x !== f.id),
                    )
                  }
                />
              ))}
            </Stack>
          ) : null}
          <FileInput
            label={t('admin.files')}
            description={t('admin.filesHint', { mb: MAX_MB })}
            accept="application/pdf"
            multiple
            clearable
            {...form.getInputProps('files')}
            data-testid="notice-files-button"
            fileInputProps={{ 'data-testid': 'notice-files-input' } as ComponentProps<'input'>}
          />
          {failure ? <ProblemAlert error={failure} testId="notice-form-error" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone} type="button">
              {t('admin.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="notice-submit">
              {editing ? t('admin.save') : t('admin.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const STATE_COLOR = { shown: 'teal', expired: 'gray', unpublished: 'orange' } as const;

function NoticeRow({ n, onEdit }: { n: ManagedNotice; onEdit: () => void }) {
  const { t } = useTranslation('notices');
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => noticesApi.setPublished(n.unit.code, n.id, n.version, n.state === 'unpublished'),
    onSuccess: (saved) => {
      notifications.show({
        color: 'teal',
        message: saved.state === 'unpublished' ? t('admin.unpublished') : t('admin.republished'),
      });
      void client.invalidateQueries({ queryKey: ['notices'] });
    },
  });
  return (
    <Card padding="sm" radius="md" withBorder data-testid="notice-row" data-id={n.id}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={STATE_COLOR[n.state]} variant="light" data-testid="notice-state">
            {t(`admin.state.${n.state}`)}
          </Badge>
          <Badge color="gray" variant="outline">
            {t(`kind.${n.kind}`)}
          </Badge>
          {n.docNumber ? <Badge variant="default">{n.docNumber}</Badge> : null}
        </Group>
        <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
          {n.title}
        </Text>
        <Text size="sm" c="dimmed">
          {t('published', { date: formatInstantDay(n.publishedAt) })}
          {n.expiresOn ? ` · ${t('fields.expiresOn')}: ${formatDay(n.expiresOn)}` : ''}
          {` · ${t('admin.version', { n: n.version })}`}
          {n.attachments.length ? ` · ${t('list.files', { n: n.attachments.length })}` : ''}
        </Text>
        {toggle.isError ? <ProblemAlert error={toggle.error} /> : null}
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={onEdit} data-testid="notice-edit">
            {t('admin.edit')}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={toggle.isPending}
            onClick={() => toggle.mutate()}
            data-testid={n.state === 'unpublished' ? 'notice-republish' : 'notice-unpublish'}
          >
            {n.state === 'unpublished' ? t('admin.republish') : t('admin.unpublish')}
          </Button>
          {n.state === 'shown' ? (
            <Anchor component={Link} to={`/thong-bao/${n.unit.code}/${n.id}`} size="sm" reloadDocument>
              {t('admin.viewPublic')}
            </Anchor>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * Publishing notices and legal documents (issue 16 item 5): the commune leader for the commune, the
 * province officer for the province, the administrator for a unit they name. Create, edit (files added
 * or removed), take down and publish again.
 */
export function NoticesAdminPage({ me }: { me: Me }) {
  const { t } = useTranslation('notices');
  const client = useQueryClient();
  const [adminUnit, setAdminUnit] = useState('');
  const asked = me.role === 'admin' ? (/^(\d{2}|\d{5})$/.test(adminUnit) ? adminUnit : undefined) : undefined;
  const [editing, setEditing] = useState<ManagedNotice | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['notices', 'manage', asked ?? ''],
    queryFn: ({ signal }) => noticesApi.manage(asked, signal),
  });
  const unit = list.data?.units[0];

  return (
    <Stack gap="md" data-testid="notices-admin">
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {t('admin.title')}
      </Title>
      {me.role === 'admin' ? (
        <TextInput
          label={t('admin.unitCode')}
          value={adminUnit}
          onChange={(e) => setAdminUnit(e.currentTarget.value.trim())}
          maw={320}
          inputMode="numeric"
          data-testid="notices-admin-unit"
        />
      ) : null}
      {list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('translation:common.loading')} />
        </Center>
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : unit ? (
        <>
          <Group justify="space-between" align="flex-end">
            <Text c="dimmed" maw={720}>
              {t('admin.intro', { unit: unit.name })}
            </Text>
            {editing === null ? (
              <Button onClick={() => setEditing('new')} data-testid="notice-new">
                {t('admin.new')}
              </Button>
            ) : null}
          </Group>
          {editing !== null ? (
            <NoticeForm
              key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
              unit={unit.code}
              editing={editing === 'new' ? null : editing}
              onDone={() => {
                setEditing(null);
                void client.invalidateQueries({ queryKey: ['notices'] });
              }}
            />
          ) : null}
          {list.data.items.length ? (
            <Stack gap="xs" data-testid="notices-admin-list">
              {list.data.items.map((n) => (
                <NoticeRow key={n.id} n={n} onEdit={() => setEditing(n)} />
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">{t('admin.empty')}</Text>
          )}
        </>
      ) : null}
    </Stack>
  );
}
