import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../domain/forms/types.ts';
import { IconCheck } from '../../components/icons';
import { FORMS_NS } from './strings';

/** DOM id of the input for an issue path: "papers[1].pages" → "f-papers-1-pages". */
export function fieldDomId(path: string): string {
  return `f-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

interface FieldInputProps {
  field: FormField;
  path: string;
  value: unknown;
  isRequired: boolean;
  error?: string;
  today: string;
  /** Filled from the identity the provider verified (and still unchanged): marked as such. */
  verified?: boolean;
  onChange: (value: unknown) => void;
}

function asText(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** One question of the wizard; Mantine links the help and the error to the input (aria-describedby). */
export function FieldInput({
  field,
  path,
  value,
  isRequired,
  error,
  today,
  verified,
  onChange,
}: FieldInputProps) {
  const { t } = useTranslation(FORMS_NS);
  const id = fieldDomId(path);
  const description = verified ? (
    <>
      <span
        data-testid={`verified-${id}`}
        style={{ display: 'inline-flex', gap: 4, alignItems: 'center', color: '#0b6e4f', fontWeight: 600 }}
      >
        <IconCheck size={14} />
        {t('verified')}
      </span>
      {field.help ? <> · {field.help}</> : null}
    </>
  ) : (
    field.help
  );
  const common = {
    id,
    label: field.label,
    description,
    error,
    withAsterisk: isRequired,
    'data-testid': id,
  };
  const setText = (s: string) => onChange(s === '' ? undefined : s);
  switch (field.type) {
    case 'checkbox':
      return (
        <Checkbox
          id={id}
          data-testid={id}
          size="md"
          label={field.label}
          description={field.help}
          error={error}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked ? true : undefined)}
        />
      );
    case 'select':
      return (
        <NativeSelect
          {...common}
          value={asText(value)}
          data={[
            { value: '', label: t('choose') },
            ...field.options.map((o) => ({ value: o.value, label: o.label })),
          ]}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          max={field.notFuture ? today : undefined}
          value={asText(value)}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <TextInput
          {...common}
          inputMode="numeric"
          rightSection={
            field.unit ? <span style={{ fontSize: 12, paddingRight: 8 }}>{field.unit}</span> : undefined
          }
          rightSectionWidth={field.unit ? 80 : undefined}
          value={asText(value)}
          onChange={(e) => {
            const s = e.currentTarget.value.trim();
            // Whole numbers become numbers; anything else stays text, which the validator explains.
            onChange(s === '' ? undefined : /^-?[0-9]{1,12}$/.test(s) ? Number(s) : s);
          }}
        />
      );
    case 'text':
      if (field.multiline)
        return (
          <Textarea
            {...common}
            autosize
            minRows={2}
            maxLength={field.maxLength}
            value={asText(value)}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        );
      return (
        <TextInput
          {...common}
          maxLength={field.maxLength}
          autoComplete={field.id === 'fullName' && path.split('.')[0] === 'declarant' ? 'name' : 'off'}
          value={asText(value)}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      );
    case 'personalId':
      return (
        <TextInput
          {...common}
          inputMode="numeric"
          maxLength={14}
          value={asText(value)}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      );
    case 'phone':
      return (
        <TextInput
          {...common}
          type="tel"
          autoComplete="tel"
          value={asText(value)}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      );
    case 'address':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxLength={300}
          value={asText(value)}
          onChange={(e) => setText(e.currentTarget.value.replace(/[\r\n]+/g, ' '))}
        />
      );
  }
}
