import { Badge, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { IntakeValues } from './intake-form';

const COUNT_FIELDS = [
  { key: 'originals', labelKey: 'procedure.originals', testId: 'originals' },
  { key: 'certifiedCopies', labelKey: 'procedure.certifiedCopiesShort', testId: 'certified' },
  { key: 'photocopies', labelKey: 'procedure.photocopies', testId: 'photocopies' },
] as const;

/** One row per document of the procedure: ticked when received, with the counts actually handed over. */
export function DocumentChecklist({ form }: { form: UseFormReturnType<IntakeValues> }) {
  const { t } = useTranslation();
  const { documents } = form.values;
  const listError = form.errors.documents;

  return (
    <Stack gap="xs" data-testid="intake-documents">
      {documents.map((document, index) => {
        const checkboxProps = form.getInputProps(`documents.${index}.checked`, { type: 'checkbox' });
        return (
          <Paper
            key={document.id}
            p="sm"
            radius="md"
            bg={document.checked ? 'green.0' : undefined}
            style={{ borderColor: document.checked ? 'var(--mantine-color-green-3)' : undefined }}
          >
            <Checkbox
              {...checkboxProps}
              label={
                <Group gap={6} wrap="wrap">
                  <Text size="sm" span>
                    {document.name}
                  </Text>
                  {document.required ? (
                    <Badge
                      size="xs"
                      color="brand"
                      variant="light"
                      data-testid={`intake-doc-required-${index}`}
                    >
                      {t('procedure.required')}
                    </Badge>
                  ) : null}
                </Group>
              }
              data-testid={`intake-doc-check-${index}`}
              data-doc-id={document.id}
              data-required={document.required ? 'true' : 'false'}
            />
            <SimpleGrid cols={3} spacing="xs" mt="xs" pl={{ base: 0, xs: 32 }}>
              {COUNT_FIELDS.map((field) => (
                <NumberInput
                  key={field.key}
                  size="xs"
                  label={t(field.labelKey)}
                  min={0}
                  max={99}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  data-testid={`intake-doc-${field.testId}-${index}`}
                  {...form.getInputProps(`documents.${index}.${field.key}`)}
                />
              ))}
            </SimpleGrid>
          </Paper>
        );
      })}
      {listError ? (
        <Text size="sm" c="red.7" role="alert" data-testid="intake-documents-error">
          {listError}
        </Text>
      ) : null}
    </Stack>
  );
}
