import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, FormField, FormGroup } from '../../../domain/forms/types.ts';
import { isFieldShown } from '../../../domain/forms/validate.ts';
import type { ProcedureDocument } from '../../api/types';
import { type DocumentPhotos, documentState } from './DocumentsStep';
import type { Answers } from './GroupStep';
import { FORMS_NS } from './strings';

function display(field: FormField, value: unknown, yes: string, no: string): string {
  if (field.type === 'select') return field.options.find((o) => o.value === value)?.label ?? String(value);
  if (field.type === 'checkbox') return value === true ? yes : no;
  if (field.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return value.split('-').reverse().join('/');
  if (field.type === 'number') return `${String(value)}${field.unit ? ` ${field.unit}` : ''}`;
  return String(value);
}

interface ReviewStepProps {
  definition: FormDefinition;
  groups: { group: FormGroup; step: number }[];
  answers: Answers;
  documents: ProcedureDocument[];
  photos: DocumentPhotos;
  documentsStep: number;
  onEdit: (step: number) => void;
}

/** Check-your-answers: every answer with a "Sửa" link back to its screen, and the documents' state. */
export function ReviewStep({
  definition,
  groups,
  answers,
  documents,
  photos,
  documentsStep,
  onEdit,
}: ReviewStepProps) {
  const { t } = useTranslation(FORMS_NS);
  const edit = (step: number, title: string) => (
    <Anchor
      component="button"
      type="button"
      size="sm"
      fw={600}
      onClick={() => onEdit(step)}
      aria-label={t('editGroup', { group: title })}
      style={{ minHeight: 24, minWidth: 24 }}
      data-testid={`edit-step-${step}`}
    >
      {t('edit')}
    </Anchor>
  );
  const rows = (group: FormGroup, item: Record<string, unknown>, prefix: string) =>
    group.fields
      .filter((f) => isFieldShown(definition, answers, group, item, f))
      .map((f) => (
        <div key={`${prefix}.${f.id}`}>
          <Text size="xs" c="dimmed" component="dt">
            {f.label}
          </Text>
          <Text size="sm" component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>
            {item[f.id] === undefined ? (
              <em>{t('notAnswered')}</em>
            ) : (
              display(f, item[f.id], t('yes'), t('no'))
            )}
          </Text>
        </div>
      ));

  return (
    <Stack gap="md" data-testid="review">
      {groups.map(({ group, step }) => {
        const raw = answers[group.id];
        return (
          <Paper key={group.id} withBorder radius="md" p="sm">
            <Group justify="space-between" wrap="nowrap" mb="xs">
              <Title order={3} fz="md">
                {group.title}
              </Title>
              {edit(step, group.title)}
            </Group>
            <Stack gap={6} component="dl" m={0}>
              {group.repeat
                ? ((raw as Record<string, unknown>[] | undefined) ?? []).flatMap((item, i) => [
                    // biome-ignore lint/suspicious/noArrayIndexKey: items are positional
                    <Text key={`h${i}`} size="sm" fw={600}>
                      {`${group.repeat?.itemLabel} ${i + 1}`}
                    </Text>,
                    ...rows(group, item, `${group.id}[${i}]`),
                  ])
                : rows(group, (raw as Record<string, unknown> | undefined) ?? {}, group.id)}
            </Stack>
          </Paper>
        );
      })}
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" wrap="nowrap" mb="xs">
          <Title order={3} fz="md">
            {t('documents')}
          </Title>
          {edit(documentsStep, t('documents'))}
        </Group>
        <Stack gap={6}>
          {documents.map((doc) => {
            const state = documentState(doc, photos, definition.formDocumentId);
            return (
              <Group key={doc.id} justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="sm">{doc.name}</Text>
                <Badge
                  color={state === 'missing' ? 'red' : state === 'optional' ? 'gray' : 'teal'}
                  variant="light"
                  style={{ flex: 'none' }}
                >
                  {t(state === 'missing' ? 'docMissing' : state === 'optional' ? 'docOptional' : 'docDone')}
                </Badge>
              </Group>
            );
          })}
        </Stack>
      </Paper>
    </Stack>
  );
}
