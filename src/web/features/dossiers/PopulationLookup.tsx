import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookUpCitizen, type PopulationLookupResult } from '../../api/population';
import { IconCheck } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';

interface PopulationLookupProps {
  /** What the officer already typed: the lookup starts from it. */
  idNumber: string;
  fullName: string;
  procedureCode: string | null;
  procedureName?: string;
  onFound: (result: PopulationLookupResult) => void;
}

/**
 * "Tra cứu CSDL dân cư": looks the applicant up in the national population database through the
 * provincial platform (docs/domain-vn.md §8.3). The officer gives the 12-digit ID, the name and the
 * birth date as on the applicant's card, and a purpose that goes into the lookup log. When the
 * platform is down the form stays usable: the officer types the applicant by hand.
 */
export function PopulationLookup({
  idNumber,
  fullName,
  procedureCode,
  procedureName,
  onFound,
}: PopulationLookupProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [values, setValues] = useState({ personalId: '', fullName: '', birthDate: '', purpose: '' });
  const lookup = useMutation({ mutationFn: lookUpCitizen });

  const open = () => {
    lookup.reset();
    setValues({
      personalId: idNumber.trim(),
      fullName: fullName.trim(),
      birthDate: '',
      purpose: procedureName
        ? t('population.purposeFor', { procedure: procedureName })
        : t('population.purposeDefault'),
    });
    setOpened(true);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // The modal is portalled out of the intake form in the DOM but not in React: keep the submit here.
    event.stopPropagation();
    lookup.mutate(
      { ...values, ...(procedureCode ? { procedureCode } : {}) },
      {
        onSuccess: (result) => {
          onFound(result);
          setOpened(false);
        },
      },
    );
  };

  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      // Read now: React clears currentTarget once the event has been dispatched.
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
  });

  return (
    <>
      <Group>
        <Button variant="light" onClick={open} data-testid="population-lookup-open">
          {t('population.button')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('population.hint')}
        </Text>
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('population.title')} size="lg">
        <form onSubmit={submit} noValidate data-testid="population-lookup-form">
          <Stack gap="sm">
            <TextInput
              label={t('intake.idNumber')}
              required
              inputMode="numeric"
              maxLength={12}
              data-testid="population-personal-id"
              {...field('personalId')}
            />
            <TextInput
              label={t('intake.fullName')}
              required
              data-testid="population-fullname"
              {...field('fullName')}
            />
            <TextInput
              label={t('population.birthDate')}
              type="date"
              required
              data-testid="population-birth-date"
              {...field('birthDate')}
            />
            <TextInput
              label={t('population.purpose')}
              description={t('population.purposeHint')}
              required
              data-testid="population-purpose"
              {...field('purpose')}
            />
            <ProblemAlert error={lookup.error} testId="population-lookup-error" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('population.cancel')}
              </Button>
              <Button type="submit" loading={lookup.isPending} data-testid="population-lookup-submit">
                {t('population.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** The mark beside a field whose value came from the population database. */
export function VerifiedMark() {
  const { t } = useTranslation();
  return (
    <Text span size="xs" c="teal.8" fw={600} data-testid="verified-mark">
      <IconCheck size={12} style={{ verticalAlign: 'middle', marginRight: 2 }} />
      {t('population.verified')}
    </Text>
  );
}

/** Summary after a successful lookup. */
export function LookupSummary({ result }: { result: PopulationLookupResult }) {
  const { t } = useTranslation();
  const p = result.person;
  return (
    <Alert
      color="teal"
      variant="light"
      data-testid="population-lookup-summary"
      title={t('population.foundTitle')}
    >
      <Text size="sm">
        {p.fullName} · {t(`population.sex.${p.sex}`)} · {p.birthDate} · {p.ethnicity} · {p.nationality}
      </Text>
      {p.permanentAddress ? (
        <Text size="sm">
          {t('population.permanentAddress')}: {p.permanentAddress.text}
        </Text>
      ) : null}
      {p.currentAddress ? (
        <Text size="sm">
          {t('population.currentAddress')}: {p.currentAddress.text}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('population.requestId', { id: result.requestId })}
      </Text>
    </Alert>
  );
}
