import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSafeText } from '../../../domain/text/safe-text.ts';
import { isApiProblem } from '../../api/client';
import { api } from '../../api/endpoints';
import type { Dossier, ResultDraft } from '../../api/types';
import { formatDateTime } from '../../lib/datetime';
import { useDossierActions, usePerformAction } from './use-workflow';
import { WorkflowProblemAlert } from './WorkflowProblemAlert';

export const resultDraftKey = (code: string) => ['dossiers', 'detail', code, 'result-draft'] as const;

export function useResultDraft(code: string, enabled = true) {
  return useQuery({
    queryKey: resultDraftKey(code),
    queryFn: ({ signal }) => api.resultDraft(code, signal),
    enabled,
    staleTime: 0,
  });
}

const STATUS_COLORS: Record<ResultDraft['status'], string> = {
  none: 'gray',
  drafted: 'orange',
  approved: 'green',
};

/**
 * The result the commune drafts itself (marital-status confirmation, certifications, extracts): the
 * template's fields prefilled from the dossier, editable by the specialist at their step (the
 * draft_result action), with a PDF preview; the leader approves with approve_result in the actions.
 */
export function ResultDraftPanel({
  dossier,
  onChanged,
  onConflict,
}: {
  dossier: Dossier;
  onChanged: () => void;
  onConflict: (error: unknown) => void;
}) {
  const { t } = useTranslation('results');
  const draft = useResultDraft(dossier.code, dossier.status === 4 || dossier.status === 9);
  const actions = useDossierActions(dossier.code, true);
  const perform = usePerformAction(dossier.code);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (draft.data) setValues(draft.data.fields);
  }, [draft.data]);

  const data = draft.data;
  if (!data?.template) return null;
  const template = data.template;
  const canEdit = actions.data?.actions.some((a) => a.action === 'draft_result') ?? false;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const field of template.fields) {
      const value = (values[field.key] ?? '').trim();
      if (field.required && !value) found[field.key] = t('required');
      else if (field.numeric && value && !/^\d+$/.test(value)) found[field.key] = t('digits');
      else if (!isSafeText(value, { multiline: field.multiline }))
        found[field.key] = t('translation:common.unsafeText');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    perform.reset();
    perform.mutate(
      {
        action: 'draft_result',
        expectedVersion: actions.data?.version,
        resultDraft: { fields: Object.fromEntries(template.fields.map((f) => [f.key, values[f.key] ?? ''])) },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('saved') });
          onChanged();
        },
        onError: (error) => {
          if (isApiProblem(error) && error.code === 'DOSSIER_CONFLICT') onConflict(error);
        },
      },
    );
  };

  return (
    <Paper
      p={{ base: 'md', sm: 'lg' }}
      radius="lg"
      shadow="xs"
      data-testid="result-draft"
      data-status={data.status}
    >
      <form onSubmit={submit} noValidate data-testid="result-draft-form">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={2} size="h4">
              {t('title')}
            </Title>
            <Badge color={STATUS_COLORS[data.status]} data-testid="result-draft-status">
              {t(`status.${data.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('intro', { title: template.title })} {t('register', { book: template.bookName })}
          </Text>
          {data.draft ? (
            <Text size="xs" c="dimmed">
              {t('draftedBy', { user: data.draft.draftedBy, at: formatDateTime(data.draft.draftedAt) })}
              {data.draft.approvedBy && data.draft.approvedAt
                ? ` · ${t('approvedBy', { user: data.draft.approvedBy, at: formatDateTime(data.draft.approvedAt) })}`
                : ''}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {template.fields.map((field) => {
              const common = {
                label: field.label,
                required: field.required,
                maxLength: field.maxLength,
                readOnly: !canEdit,
                value: values[field.key] ?? '',
                error: errors[field.key],
                'data-testid': `result-field-${field.key}`,
              };
              const change = (value: string) => {
                setValues((v) => ({ ...v, [field.key]: value }));
                setErrors((e) => ({ ...e, [field.key]: '' }));
              };
              return field.multiline ? (
                <Textarea
                  key={field.key}
                  {...common}
                  autosize
                  minRows={2}
                  onChange={(e) => change(e.currentTarget.value)}
                />
              ) : (
                <TextInput
                  key={field.key}
                  {...common}
                  inputMode={field.numeric ? 'numeric' : undefined}
                  onChange={(e) => change(e.currentTarget.value)}
                />
              );
            })}
          </SimpleGrid>
          {perform.isError ? (
            <WorkflowProblemAlert error={perform.error} testId="result-draft-error" />
          ) : null}
          {!canEdit && dossier.status === 4 ? (
            <Text size="xs" c="dimmed">
              {t('readOnly')}
            </Text>
          ) : null}
          <Group gap="sm" wrap="wrap">
            {canEdit ? (
              <Button type="submit" loading={perform.isPending} data-testid="result-draft-save">
                {t('save')}
              </Button>
            ) : null}
            <Anchor
              href={`/api/v1/dossiers/${encodeURIComponent(dossier.code)}/result-draft.pdf`}
              target="_blank"
              rel="noopener"
              size="sm"
              data-testid="result-draft-preview"
            >
              {t('preview')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
