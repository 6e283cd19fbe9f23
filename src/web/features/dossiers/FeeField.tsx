import { Grid, NumberInput, Select, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FEE_PAYMENT_OPTIONS, type IntakeValues } from './intake-form';

/**
 * How the fees were paid when the counter collected them (Decision 766 indicator 3.6): the way, and
 * the amount. Left "not recorded" the dossier still counts as not paid online.
 */
export function FeeField({ form, hasFee }: { form: UseFormReturnType<IntakeValues>; hasFee: boolean }) {
  const { t } = useTranslation();
  const options = (hasFee ? FEE_PAYMENT_OPTIONS : (['not_required'] as const)).map((value) => ({
    value,
    label: t(`intake.fee.${value}`),
  }));
  const payment = form.values.feePayment;
  return (
    <Grid data-testid="intake-fee">
      <Grid.Col span={{ base: 12, sm: 7 }}>
        <Select
          label={t('intake.feePayment')}
          placeholder={t('intake.feeNotRecorded')}
          data={options}
          clearable
          allowDeselect
          data-testid="intake-fee-payment"
          value={payment || null}
          onChange={(value) => form.setFieldValue('feePayment', (value ?? '') as IntakeValues['feePayment'])}
          description={hasFee ? t('intake.feeHint') : t('intake.feeNone')}
        />
      </Grid.Col>
      {hasFee && payment && payment !== 'not_required' ? (
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <NumberInput
            label={t('intake.feeAmount')}
            min={0}
            max={1_000_000_000}
            step={1000}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            data-testid="intake-fee-amount"
            {...form.getInputProps('feeAmount')}
          />
        </Grid.Col>
      ) : null}
      {!hasFee ? (
        <Grid.Col span={12}>
          <Text size="xs" c="dimmed">
            {t('intake.feeNone')}
          </Text>
        </Grid.Col>
      ) : null}
    </Grid>
  );
}
