import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, FormGroup } from '../../../domain/forms/types.ts';
import { isFieldRequired, isFieldShown } from '../../../domain/forms/validate.ts';
import { FieldInput, fieldDomId } from './FieldInput';
import { FORMS_NS } from './strings';

export type Answers = Record<string, unknown>;
type Item = Record<string, unknown>;

interface GroupStepProps {
  definition: FormDefinition;
  group: FormGroup;
  answers: Answers;
  errors: Map<string, string>;
  today: string;
  /** Paths ("declarant.fullName") whose answer is the verified identity's. */
  verifiedPaths?: ReadonlySet<string>;
  onChange: (next: Answers) => void;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);
}

/** The questions of one group (one wizard screen); a repeatable group lists its items with add/remove. */
export function GroupStep({
  definition,
  group,
  answers,
  errors,
  today,
  verifiedPaths,
  onChange,
}: GroupStepProps) {
  const { t } = useTranslation(FORMS_NS);

  const setItem = (index: number | undefined, fieldId: string, value: unknown) => {
    const next: Answers = { ...answers };
    if (index === undefined) {
      const item: Item = { ...((answers[group.id] as Item | undefined) ?? {}) };
      if (value === undefined) delete item[fieldId];
      else item[fieldId] = value;
      next[group.id] = item;
    } else {
      const list = [...((answers[group.id] as Item[] | undefined) ?? [])];
      const item: Item = { ...(list[index] ?? {}) };
      if (value === undefined) delete item[fieldId];
      else item[fieldId] = value;
      list[index] = item;
      next[group.id] = list;
    }
    onChange(next);
  };

  const fields = (item: Item, index: number | undefined) =>
    group.fields
      .filter((f) => isFieldShown(definition, answers, group, item, f))
      .map((f) => {
        const path = index === undefined ? `${group.id}.${f.id}` : `${group.id}[${index}].${f.id}`;
        return (
          <FieldInput
            key={path}
            field={f}
            path={path}
            value={item[f.id]}
            isRequired={
              isFieldRequired(definition, answers, group, item, f) ||
              (f.type === 'checkbox' && !!f.mustBeChecked)
            }
            error={errors.get(path)}
            today={today}
            verified={verifiedPaths?.has(path)}
            onChange={(v) => setItem(index, f.id, v)}
          />
        );
      });

  if (!group.repeat) {
    return <Stack gap="md">{fields((answers[group.id] as Item | undefined) ?? {}, undefined)}</Stack>;
  }

  const { max, itemLabel } = group.repeat;
  const list = (answers[group.id] as Item[] | undefined) ?? [];
  const groupError = errors.get(group.id);
  return (
    <Stack gap="md">
      {list.length === 0 ? <Text c="dimmed">{t('noItems')}</Text> : null}
      {list.map((item, i) => (
        // Items have no identity beyond their position; removing one re-renders the rest.
        // biome-ignore lint/suspicious/noArrayIndexKey: positional items
        <Paper key={i} withBorder p="sm" radius="md">
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap">
              <Title order={3} fz="md">
                {t('itemHeading', { item: capitalise(itemLabel), n: i + 1 })}
              </Title>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={() => onChange({ ...answers, [group.id]: list.filter((_, k) => k !== i) })}
                aria-label={t('removeItem', { item: itemLabel, n: i + 1 })}
              >
                {t('remove')}
              </Button>
            </Group>
            {fields(item, i)}
          </Stack>
        </Paper>
      ))}
      {list.length < max ? (
        <Button
          id={fieldDomId(group.id)}
          variant="light"
          onClick={() => onChange({ ...answers, [group.id]: [...list, {}] })}
          aria-describedby={groupError ? `${fieldDomId(group.id)}-error` : undefined}
        >
          {t('addItem', { item: itemLabel })}
        </Button>
      ) : null}
      {groupError ? (
        <Text id={`${fieldDomId(group.id)}-error`} c="red.8" size="sm">
          {groupError}
        </Text>
      ) : null}
    </Stack>
  );
}
