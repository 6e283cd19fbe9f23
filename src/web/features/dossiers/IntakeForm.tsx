import {
  Badge,
  Button,
  Divider,
  Grid,
  Group,
  List,
  Loader,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasFee } from '../../../domain/catalog/fee-payment.ts';
import { isApiProblem } from '../../api/client';
import type { PopulationLookupResult } from '../../api/population';
import type { Dossier } from '../../api/types';
import { IconCheck, IconClock, IconCoins } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { foldedSearch } from '../../lib/folded-search.ts';
import { randomId } from '../../lib/random-id';
import { timeLimitLabel } from '../catalog/time-limit-label';
import { useProcedure, useProcedures } from '../catalog/use-procedures';
import { IntakeGuidePanel } from '../guides/IntakeGuidePanel';
import { IntakeDecisionField } from '../workflow/IntakeDecisionField';
import { AttachmentsField } from './AttachmentsField';
import { DocumentChecklist } from './DocumentChecklist';
import { FeeField } from './FeeField';
import {
  type AttachmentPayload,
  checklistFor,
  defaultFeeAmount,
  emptyIntake,
  type IntakeValues,
  mapProblemToFields,
  readAsBase64,
  submissionFingerprint,
  toRequest,
  validateIntake,
} from './intake-form';
import { LookupSummary, PopulationLookup, VerifiedMark } from './PopulationLookup';
import { useCreateDossier } from './use-dossiers';

function FormSection({ step, title, children }: { step: number; title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap">
        <Badge circle size="lg" variant="filled">
          {step}
        </Badge>
        <Title order={3} fz="md">
          {title}
        </Title>
      </Group>
      {children}
    </Stack>
  );
}

interface IntakeFormProps {
  unitCode: string;
  onCreated: (dossier: Dossier) => void;
  /** The queue ticket called at the officer's counter that this dossier is received from (issue 16). */
  queueTicketId?: string;
}

/** The counter intake: procedure, applicant, document checklist, scans; submits one dossier. */
export function IntakeForm({ unitCode, onCreated, queueTicketId }: IntakeFormProps) {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflow');
  const form = useForm<IntakeValues>({
    initialValues: emptyIntake(),
    validate: (values) => validateIntake(values, t),
  });
  const [files, setFiles] = useState<File[]>([]);
  const [attachmentError, setAttachmentError] = useState<string | null>(null);
  const [unmapped, setUnmapped] = useState<string[]>([]);
  const [isReading, setIsReading] = useState(false);
  const [hasInvalidFields, setHasInvalidFields] = useState(false);
  // The applicant fields filled from the population database, with the values it gave: a field stays
  // marked verified while it still holds that value.
  const [lookup, setLookup] = useState<{
    result: PopulationLookupResult;
    values: { fullName: string; idNumber: string; address: string };
  } | null>(null);
  // One Idempotency-Key per submission; a retry of the very same submission reuses it.
  const attempt = useRef<{ key: string; fingerprint: string } | null>(null);
  const create = useCreateDossier();
  const procedures = useProcedures(unitCode, '');
  const procedureCode = form.values.procedureCode;
  const detail = useProcedure(procedureCode ?? undefined, unitCode);

  // biome-ignore lint/correctness/useExhaustiveDependencies: prefill only when another procedure's detail arrives
  useEffect(() => {
    if (!procedureCode) form.setFieldValue('documents', []);
    else if (detail.data?.code === procedureCode) {
      form.setFieldValue('documents', checklistFor(detail.data.documents));
      form.setFieldValue('feePayment', '');
      form.setFieldValue('feeAmount', defaultFeeAmount(detail.data.fees));
    }
  }, [procedureCode, detail.data]);

  const options = useMemo(
    () => (procedures.data ?? []).map((p) => ({ value: p.code, label: `${p.no}. ${p.name} (${p.code})` })),
    [procedures.data],
  );

  const submit = form.onSubmit(
    async (values) => {
      setHasInvalidFields(false);
      setUnmapped([]);
      create.reset();
      let attachments: AttachmentPayload[];
      setIsReading(true);
      try {
        attachments = await Promise.all(
          files.map(async (file) => ({
            fileName: file.name,
            contentType: file.type as AttachmentPayload['contentType'],
            dataBase64: await readAsBase64(file),
          })),
        );
      } catch {
        setAttachmentError(t('intake.attachments.readError'));
        return;
      } finally {
        setIsReading(false);
      }
      const request = { ...toRequest(values, attachments), ...(queueTicketId ? { queueTicketId } : {}) };
      const fingerprint = submissionFingerprint(request, files);
      const key = attempt.current?.fingerprint === fingerprint ? attempt.current.key : randomId();
      attempt.current = { key, fingerprint };
      create.mutate(
        { request, idempotencyKey: key },
        {
          onSuccess: (dossier) => {
            attempt.current = null;
            form.reset();
            setLookup(null);
            setFiles([]);
            onCreated(dossier);
          },
          onError: (error) => {
            if (!isApiProblem(error)) return;
            const mapped = mapProblemToFields(
              error,
              values,
              request.documents.map((d) => d.id),
            );
            const { attachments: attachmentMessage, ...fieldErrors } = mapped.fields;
            form.setErrors(fieldErrors);
            if (attachmentMessage) setAttachmentError(attachmentMessage);
            setUnmapped(mapped.unmapped);
          },
        },
      );
    },
    () => setHasInvalidFields(true),
  );

  const busy = isReading || create.isPending;
  const decision = form.values.decision;
  const submitLabel =
    decision === 'refuse'
      ? tw('intake.submitRefuse')
      : decision === 'supplement'
        ? tw('intake.submitSupplement')
        : t('intake.submit');

  return (
    <form onSubmit={submit} noValidate data-testid="intake-form">
      <Stack gap="lg">
        <FormSection step={1} title={t('intake.sectionProcedure')}>
          <Select
            label={t('intake.procedure')}
            placeholder={procedures.isLoading ? t('common.loading') : t('intake.procedurePlaceholder')}
            data={options}
            searchable
            filter={foldedSearch}
            clearable
            required
            nothingFoundMessage={t('catalog.empty')}
            maxDropdownHeight={320}
            data-testid="intake-procedure"
            {...form.getInputProps('procedureCode')}
          />
          {procedures.isError ? <ProblemAlert error={procedures.error} /> : null}
          {detail.data && detail.data.code === procedureCode ? (
            <Group gap="lg" wrap="wrap" data-testid="intake-procedure-facts">
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconClock size={16} style={{ flex: 'none', marginTop: 2 }} />
                <Text size="sm" title={detail.data.timeLimit.text}>
                  {timeLimitLabel(detail.data.timeLimit, t)}
                </Text>
              </Group>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconCoins size={16} style={{ flex: 'none', marginTop: 2 }} />
                <Text size="sm">{detail.data.feeText || t('catalog.noFee')}</Text>
              </Group>
            </Group>
          ) : null}
          <IntakeGuidePanel procedureCode={procedureCode ?? null} />
        </FormSection>

        <Divider />

        <FormSection step={2} title={t('intake.sectionApplicant')}>
          <PopulationLookup
            idNumber={form.values.applicant.idNumber}
            fullName={form.values.applicant.fullName}
            procedureCode={procedureCode}
            procedureName={detail.data?.code === procedureCode ? detail.data?.name : undefined}
            onFound={(result) => {
              const p = result.person;
              const address = (p.currentAddress ?? p.permanentAddress)?.text ?? '';
              const values = { fullName: p.fullName, idNumber: p.personalId, address };
              form.setFieldValue('applicant.fullName', values.fullName);
              form.setFieldValue('applicant.idNumber', values.idNumber);
              if (address) form.setFieldValue('applicant.address', address);
              setLookup({ result, values });
            }}
          />
          {lookup ? <LookupSummary result={lookup.result} /> : null}
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput
                label={t('intake.fullName')}
                required
                autoComplete="off"
                data-testid="intake-fullname"
                description={
                  lookup && form.values.applicant.fullName === lookup.values.fullName ? (
                    <VerifiedMark />
                  ) : undefined
                }
                {...form.getInputProps('applicant.fullName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
              <TextInput
                label={t('intake.idNumber')}
                description={
                  lookup && form.values.applicant.idNumber === lookup.values.idNumber ? (
                    <VerifiedMark />
                  ) : (
                    t('intake.idNumberHint')
                  )
                }
                required
                inputMode="numeric"
                maxLength={12}
                autoComplete="off"
                data-testid="intake-id-number"
                {...form.getInputProps('applicant.idNumber')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
              <TextInput
                label={t('intake.phone')}
                description={t('intake.phoneHint')}
                required
                type="tel"
                inputMode="tel"
                autoComplete="off"
                data-testid="intake-phone"
                {...form.getInputProps('applicant.phone')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                label={t('intake.address')}
                required
                autoComplete="off"
                data-testid="intake-address"
                description={
                  lookup?.values.address && form.values.applicant.address === lookup.values.address ? (
                    <VerifiedMark />
                  ) : undefined
                }
                {...form.getInputProps('applicant.address')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput
                label={t('intake.email')}
                type="email"
                autoComplete="off"
                data-testid="intake-email"
                {...form.getInputProps('applicant.email')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput
                label={t('intake.subject')}
                placeholder={t('intake.subjectPlaceholder')}
                data-testid="intake-subject"
                {...form.getInputProps('subject')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Radio.Group
                label={t('intake.returnMethod')}
                data-testid="intake-return-method"
                {...form.getInputProps('returnMethod')}
              >
                <Group gap="lg" mt={6}>
                  <Radio
                    value="counter"
                    label={t('intake.returnCounter')}
                    data-testid="intake-return-counter"
                  />
                  <Radio value="post" label={t('intake.returnPost')} data-testid="intake-return-post" />
                </Group>
              </Radio.Group>
            </Grid.Col>
          </Grid>
        </FormSection>

        <Divider />

        <FormSection step={3} title={t('intake.sectionDocuments')}>
          {!procedureCode ? (
            <Text size="sm" c="dimmed">
              {t('intake.documentsHint')}
            </Text>
          ) : detail.isPending ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : detail.isError ? (
            <ProblemAlert error={detail.error} />
          ) : form.values.documents.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('procedure.noDocuments')}
            </Text>
          ) : (
            <DocumentChecklist form={form} />
          )}
        </FormSection>

        <Divider />

        <FormSection step={4} title={t('intake.sectionAttachments')}>
          <AttachmentsField
            files={files}
            onChange={setFiles}
            error={attachmentError}
            onError={setAttachmentError}
          />
        </FormSection>

        <Divider />

        <FormSection step={5} title={tw('intake.sectionDecision')}>
          <IntakeDecisionField form={form} />
          {decision === 'accept' && detail.data?.code === procedureCode && procedureCode ? (
            <FeeField form={form} hasFee={hasFee(detail.data.fees)} />
          ) : null}
        </FormSection>

        {create.isError ? (
          <Stack gap="xs">
            <ProblemAlert error={create.error} testId="intake-error" />
            {unmapped.length > 0 ? (
              <List size="sm" c="red.8">
                {unmapped.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        ) : null}
        {hasInvalidFields ? (
          <Text size="sm" c="red.7" role="alert" data-testid="intake-invalid">
            {t('intake.errors.checkFields')}
          </Text>
        ) : null}

        <Paper p="md" radius="md" bg="gray.0" withBorder={false}>
          <Group justify="flex-end">
            <Button
              type="submit"
              size="md"
              loading={busy}
              color={decision === 'refuse' ? 'red' : undefined}
              leftSection={<IconCheck size={18} />}
              data-testid="intake-submit"
              data-decision={decision}
              w={{ base: '100%', xs: 'auto' }}
            >
              {submitLabel}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
