import {
  Alert,
  Badge,
  Button,
  Center,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client';
import type { PartnerKey, PartnerPermission, WebhookEventKind } from '../../api/partners';
import type { Me } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format-instant';
import {
  useCreateKey,
  useCreateWebhook,
  useDisableWebhook,
  usePartnerKeys,
  useRevokeKey,
} from './use-partners';

const PERMISSIONS: PartnerPermission[] = ['dossiers:read', 'applicants:read', 'webhooks'];
const EVENTS: WebhookEventKind[] = ['dossier.received', 'dossier.status_changed', 'dossier.updated'];

/** A secret the server shows only once: copy it now, it cannot be read again. */
function SecretOnce({
  label,
  secret,
  onDone,
  testId,
}: {
  label: string;
  secret: string;
  onDone: () => void;
  testId: string;
}) {
  const { t } = useTranslation('partners');
  return (
    <Alert color="yellow" variant="light" title={label} data-testid={testId}>
      <Stack gap="xs">
        <Text size="sm">{t('secret.once')}</Text>
        <Code
          block
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
          data-testid={`${testId}-value`}
        >
          {secret}
        </Code>
        <Group gap="xs">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                color={copied ? 'teal' : 'blue'}
                onClick={copy}
                data-testid={`${testId}-copy`}
              >
                {copied ? t('secret.copied') : t('secret.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone} data-testid={`${testId}-done`}>
            {t('secret.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

interface KeyValues {
  name: string;
  scopeKind: 'commune' | 'province';
  scopeCode: string;
  permissions: PartnerPermission[];
  ratePerMinute: number | string;
}

function CreateKeyForm({ me }: { me: Me }) {
  const { t } = useTranslation('partners');
  const create = useCreateKey();
  const [failure, setFailure] = useState<unknown>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<KeyValues>({
    initialValues: {
      name: '',
      scopeKind: me.unit?.level === 'commune' ? 'commune' : 'province',
      scopeCode: me.unit?.code ?? '',
      permissions: ['dossiers:read'],
      ratePerMinute: 120,
    },
    validate: {
      name: (v) => (v.trim() ? null : t('form.required')),
      scopeCode: (v) => (/^(\d{2}|\d{5})$/.test(v.trim()) ? null : t('form.codeInvalid')),
      permissions: (v) => (v.length ? null : t('form.permissionRequired')),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const made = await create.mutateAsync({
        name: values.name.trim(),
        scope: { kind: values.scopeKind, code: values.scopeCode.trim() },
        permissions: values.permissions,
        ratePerMinute: Number(values.ratePerMinute) || 120,
      });
      setSecret(made.secret);
      form.reset();
    } catch (error) {
      if (isApiProblem(error))
        for (const e of error.errors)
          form.setFieldError(e.path === 'scope.code' ? 'scopeCode' : e.path, e.message);
      setFailure(error);
    }
  });
  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('form.title')}
        </Title>
        {secret ? (
          <SecretOnce
            label={t('secret.keyTitle')}
            secret={secret}
            onDone={() => setSecret(null)}
            testId="partner-key-secret"
          />
        ) : null}
        <form onSubmit={submit} noValidate data-testid="partner-key-form">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('form.name')}
                withAsterisk
                {...form.getInputProps('name')}
                data-testid="partner-key-name"
              />
              <NumberInput
                label={t('form.rate')}
                min={1}
                max={6000}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('ratePerMinute')}
                data-testid="partner-key-rate"
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('form.scope')}
                </Text>
                <SegmentedControl
                  data={[
                    { value: 'commune', label: t('scope.commune') },
                    { value: 'province', label: t('scope.province') },
                  ]}
                  {...form.getInputProps('scopeKind')}
                  data-testid="partner-key-scope-kind"
                />
              </Stack>
              <TextInput
                label={t('form.code')}
                description={t('form.codeHelp')}
                withAsterisk
                inputMode="numeric"
                {...form.getInputProps('scopeCode')}
                data-testid="partner-key-scope-code"
              />
            </SimpleGrid>
            <Checkbox.Group label={t('form.permissions')} withAsterisk {...form.getInputProps('permissions')}>
              <Stack gap={6} mt={6}>
                {PERMISSIONS.map((p) => (
                  <Checkbox
                    key={p}
                    value={p}
                    label={t(`permissions.${p.replace(':', '_')}`)}
                    data-testid={`partner-key-permission-${p.replace(':', '-')}`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            {failure ? <ProblemAlert error={failure} testId="partner-key-error" /> : null}
            <Group>
              <Button type="submit" loading={create.isPending} data-testid="partner-key-submit">
                {t('form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function WebhookForm({ keyId }: { keyId: string }) {
  const { t } = useTranslation('partners');
  const create = useCreateWebhook();
  const [failure, setFailure] = useState<unknown>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<{ url: string; events: WebhookEventKind[] }>({
    initialValues: { url: '', events: ['dossier.received', 'dossier.status_changed'] },
    validate: {
      url: (v) => (/^https?:\/\/\S+$/.test(v.trim()) ? null : t('webhooks.urlInvalid')),
      events: (v) => (v.length ? null : t('webhooks.eventsRequired')),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const made = await create.mutateAsync({ keyId, url: values.url.trim(), events: values.events });
      setSecret(made.secret);
      form.reset();
    } catch (error) {
      if (isApiProblem(error)) for (const e of error.errors) form.setFieldError(e.path, e.message);
      setFailure(error);
    }
  });
  return (
    <Stack gap="xs">
      {secret ? (
        <SecretOnce
          label={t('secret.webhookTitle')}
          secret={secret}
          onDone={() => setSecret(null)}
          testId="webhook-secret"
        />
      ) : null}
      <form onSubmit={submit} noValidate data-testid="webhook-form">
        <Stack gap="xs">
          <TextInput
            label={t('webhooks.url')}
            placeholder="https://"
            withAsterisk
            {...form.getInputProps('url')}
            data-testid="webhook-url"
          />
          <Checkbox.Group label={t('webhooks.events')} {...form.getInputProps('events')}>
            <Group gap="sm" mt={6}>
              {EVENTS.map((e) => (
                <Checkbox
                  key={e}
                  value={e}
                  label={t(`events.${e.replace('.', '_')}`)}
                  data-testid={`webhook-event-${e}`}
                />
              ))}
            </Group>
          </Checkbox.Group>
          {failure ? <ProblemAlert error={failure} testId="webhook-error" /> : null}
          <Group>
            <Button
              type="submit"
              size="xs"
              variant="light"
              loading={create.isPending}
              data-testid="webhook-submit"
            >
              {t('webhooks.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function KeyCard({ item }: { item: PartnerKey }) {
  const { t, i18n } = useTranslation('partners');
  const revoke = useRevokeKey();
  const disable = useDisableWebhook();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const revoked = item.revokedAt !== null;
  const when = (iso: string | null) => (iso ? formatInstant(iso, i18n.language) : t('keys.never'));
  return (
    <Paper
      p={{ base: 'sm', sm: 'md' }}
      radius="lg"
      withBorder
      data-testid="partner-key-row"
      data-prefix={item.prefix}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} fz="md">
            {item.name}
          </Title>
          {revoked ? (
            <Badge color="red" variant="light" data-testid="partner-key-status">
              {t('keys.revoked')}
            </Badge>
          ) : (
            <Badge color="teal" variant="light" data-testid="partner-key-status">
              {t('keys.active')}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={4}>
          <Text size="sm">
            {t('keys.prefix')}: <Code>{`mck_${item.prefix}_…`}</Code>
          </Text>
          <Text size="sm">
            {t('keys.scope')}: {t(`scope.${item.scope.kind}`)} {item.scope.name} ({item.scope.code})
          </Text>
          <Text size="sm">{t('keys.rate', { count: item.ratePerMinute })}</Text>
          <Text size="sm">
            {t('keys.created')}: {when(item.createdAt)}
          </Text>
          <Text size="sm" data-testid="partner-key-last-used">
            {t('keys.lastUsed')}: {when(item.lastUsedAt)}
          </Text>
          {revoked ? (
            <Text size="sm">
              {t('keys.revokedAt')}: {when(item.revokedAt)}
            </Text>
          ) : null}
        </SimpleGrid>
        <Group gap={6}>
          {item.permissions.map((p) => (
            <Badge key={p} variant="outline" size="sm">
              {t(`permissions.${p.replace(':', '_')}`)}
            </Badge>
          ))}
        </Group>
        {item.webhooks.length ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('webhooks.title')}
            </Text>
            {item.webhooks.map((w) => (
              <Group key={w.id} gap="xs" wrap="wrap" data-testid="webhook-row">
                <Code style={{ wordBreak: 'break-all' }}>{w.url}</Code>
                <Text size="xs" c="dimmed">
                  {w.events.map((e) => t(`events.${e.replace('.', '_')}`)).join(', ')}
                </Text>
                {w.disabledAt || revoked ? (
                  <Badge color="gray" size="sm">
                    {t('webhooks.disabled')}
                  </Badge>
                ) : (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => disable.mutate(w.id)}
                    data-testid="webhook-disable"
                  >
                    {t('webhooks.disable')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        ) : null}
        {!revoked && item.permissions.includes('webhooks') ? <WebhookForm keyId={item.id} /> : null}
        {failure ? <ProblemAlert error={failure} testId="partner-key-revoke-error" /> : null}
        {!revoked ? (
          <Group gap="xs">
            {confirming ? (
              <>
                <Text size="sm" c="red">
                  {t('keys.confirmRevoke')}
                </Text>
                <Button
                  size="xs"
                  color="red"
                  loading={revoke.isPending}
                  onClick={async () => {
                    setFailure(null);
                    try {
                      await revoke.mutateAsync(item.id);
                    } catch (error) {
                      setFailure(error);
                    }
                    setConfirming(false);
                  }}
                  data-testid="partner-key-revoke-confirm"
                >
                  {t('keys.revokeConfirm')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                  {t('keys.cancel')}
                </Button>
              </>
            ) : (
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={() => setConfirming(true)}
                data-testid="partner-key-revoke"
              >
                {t('keys.revoke')}
              </Button>
            )}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Administrators' page of partner systems: issue and revoke API keys, manage webhook endpoints. */
export function PartnersPage({ me }: { me: Me }) {
  const { t } = useTranslation('partners');
  const keys = usePartnerKeys();
  return (
    <Stack gap="md" data-testid="partners-page">
      <PageTitle title={t('title')} />
      <Text size="sm" c="dimmed">
        {t('intro')}
      </Text>
      <CreateKeyForm me={me} />
      <Title order={2} fz="lg">
        {t('keys.title')}
      </Title>
      {keys.isPending ? (
        <Center py="md">
          <Loader aria-label={t('keys.loading')} />
        </Center>
      ) : keys.isError ? (
        <ProblemAlert error={keys.error} />
      ) : keys.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="partner-keys-empty">
          {t('keys.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {keys.data.items.map((k) => (
            <KeyCard key={k.id} item={k} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
