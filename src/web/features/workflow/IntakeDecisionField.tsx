import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { IntakeDecision } from '../../api/types';
import { type IntakeValues, uncheckedRequired } from '../dossiers/intake-form';
import { MissingItemsField } from './MissingItemsField';
import { emptyMissingItem } from './missing-items';

const DECISIONS: readonly { value: IntakeDecision; labelKey: string }[] = [
  { value: 'accept', labelKey: 'intake.decisionAccept' },
  { value: 'supplement', labelKey: 'intake.decisionSupplement' },
  { value: 'refuse', labelKey: 'intake.decisionRefuse' },
];

/** The counter's decision after the completeness check: accept, guide to supplement, or refuse with reasons. */
export function IntakeDecisionField({ form }: { form: UseFormReturnType<IntakeValues> }) {
  const { t } = useTranslation('workflow');
  const { decision, documents, missing } = form.values;

  const addUnchecked = () => {
    const names = new Set(missing.map((item) => item.name.trim()));
    const added = uncheckedRequired(documents)
      .filter((document) => !names.has(document.name))
      .map((document) => ({
        ...emptyMissingItem(document.name),
        originals: document.originals,
        certifiedCopies: document.certifiedCopies,
        photocopies: document.photocopies,
      }));
    const kept = missing.filter((item) => item.name.trim());
    form.setFieldValue('missing', [...kept, ...added]);
  };

  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('intake.decision')}
        data-testid="intake-decision"
        {...form.getInputProps('decision')}
      >
        <Stack gap="xs" mt={6}>
          {DECISIONS.map((option) => (
            <Radio
              key={option.value}
              value={option.value}
              label={t(option.labelKey)}
              color={option.value === 'refuse' ? 'red' : undefined}
              data-testid={`intake-decision-${option.value}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      {decision !== 'accept' ? (
        <Textarea
          label={decision === 'refuse' ? t('intake.reasonsRefuse') : t('intake.reasonsSupplement')}
          description={t('intake.reasonsHint')}
          required
          autosize
          minRows={2}
          maxRows={8}
          data-testid="intake-reasons"
          {...form.getInputProps('reasons')}
        />
      ) : null}
      {decision === 'supplement' ? (
        <>
          <MissingItemsField
            label={t('intake.missing')}
            description={t('intake.missingHint')}
            value={missing}
            onChange={(items) => form.setFieldValue('missing', items)}
            error={typeof form.errors.missing === 'string' ? form.errors.missing : null}
            testIdPrefix="intake-missing"
          />
          {uncheckedRequired(documents).length > 0 ? (
            <Group>
              <Button
                size="xs"
                variant="subtle"
                onClick={addUnchecked}
                data-testid="intake-missing-from-checklist"
              >
                {t('intake.missingFromChecklist')}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
