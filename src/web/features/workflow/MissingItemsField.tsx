import {
  ActionIcon,
  Button,
  Group,
  Input,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { emptyMissingItem, type MissingItemValue } from './missing-items';

interface MissingItemsFieldProps {
  value: MissingItemValue[];
  onChange: (value: MissingItemValue[]) => void;
  /** Test ids: `<prefix>` (list), `<prefix>-name-<i>`, `<prefix>-originals-<i>`, `<prefix>-add`, `<prefix>-remove-<i>`. */
  testIdPrefix: string;
  label: string;
  description?: string;
  error?: string | null;
}

const COUNTS = [
  { key: 'originals', labelKey: 'procedure.originals', testId: 'originals' },
  { key: 'certifiedCopies', labelKey: 'procedure.certifiedCopiesShort', testId: 'certified' },
  { key: 'photocopies', labelKey: 'procedure.photocopies', testId: 'photocopies' },
] as const;

/** The documents the applicant still has to bring, each with how many originals and copies. */
export function MissingItemsField({
  value,
  onChange,
  testIdPrefix,
  label,
  description,
  error,
}: MissingItemsFieldProps) {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflow');
  const update = (index: number, patch: Partial<MissingItemValue>) =>
    onChange(value.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  return (
    <Input.Wrapper label={label} description={description} error={error ?? undefined}>
      <Stack gap="xs" mt={6} data-testid={testIdPrefix}>
        {value.map((item, index) => (
          <Paper key={item.key} p="xs" radius="md">
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                style={{ flex: 1, minWidth: 0 }}
                size="sm"
                label={tw('items.name', { index: index + 1 })}
                value={item.name}
                onChange={(event) => update(index, { name: event.currentTarget.value })}
                data-testid={`${testIdPrefix}-name-${index}`}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={tw('items.remove', { index: index + 1 })}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
                data-testid={`${testIdPrefix}-remove-${index}`}
              >
                <Text fw={700} aria-hidden="true">
                  ×
                </Text>
              </ActionIcon>
            </Group>
            <SimpleGrid cols={3} spacing="xs" mt={6}>
              {COUNTS.map((field) => (
                <NumberInput
                  key={field.key}
                  size="xs"
                  label={t(field.labelKey)}
                  min={0}
                  max={99}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  value={item[field.key]}
                  onChange={(next) => update(index, { [field.key]: next })}
                  data-testid={`${testIdPrefix}-${field.testId}-${index}`}
                />
              ))}
            </SimpleGrid>
          </Paper>
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() => onChange([...value, emptyMissingItem()])}
            data-testid={`${testIdPrefix}-add`}
          >
            {tw('items.add')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
