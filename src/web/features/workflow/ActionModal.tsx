import {
  Button,
  FileButton,
  Group,
  Input,
  Modal,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ComponentProps, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vnLocalToIso } from '../../../domain/calendar/vn-time.ts';
import { isApiProblem } from '../../api/client';
import type { AvailableAction, Dossier, StepRole } from '../../api/types';
import { IconPaperclip } from '../../components/icons';
import { useIsMobile } from '../../components/use-is-mobile';
import { formatDateTime } from '../../lib/datetime';
import { foldedSearch } from '../../lib/folded-search.ts';
import { ATTACHMENT_TYPES } from '../dossiers/intake-form';
import { type ActionErrors, initialActionValues, toActionRequest, validateAction } from './action-form';
import { MissingItemsField } from './MissingItemsField';
import { useResultDraft } from './ResultDraftPanel';
import { usePerformAction, useStaff } from './use-workflow';
import { WorkflowProblemAlert } from './WorkflowProblemAlert';
import { actionLabel, fieldsFor, isDestructive } from './workflow-model';

interface ActionModalProps {
  dossier: Dossier;
  available: AvailableAction;
  /** The version the actions were computed for; sent back so a stale screen cannot act. */
  version: number;
  onClose: () => void;
  onDone: () => void;
  /** Someone else changed the dossier: the page shows why and reloads. */
  onConflict: (error: unknown) => void;
}

/** Asks for what one lifecycle action needs (reason, assignee, items, new date, result file) and sends it. */
export function ActionModal({ dossier, available, version, onClose, onDone, onConflict }: ActionModalProps) {
  const { t } = useTranslation('workflow');
  const isMobile = useIsMobile();
  const perform = usePerformAction(dossier.code);
  const [values, setValues] = useState(() => initialActionValues(dossier));
  const [errors, setErrors] = useState<ActionErrors>({});
  const [isReading, setIsReading] = useState(false);
  const fields = fieldsFor(available.action);
  const { t: tr } = useTranslation('results');
  const draft = useResultDraft(dossier.code, fields.resultFile);
  const hasApprovedDraft = draft.data?.status === 'approved';
  const newDueIso = vnLocalToIso(values.newDueAt);
  const newDuePreview = newDueIso ? formatDateTime(newDueIso) : '';
  const label = actionLabel(t, available.action, available.label);
  // Only officers holding the current step's role can be assigned to it.
  const stepRole = dossier.step?.role as StepRole | undefined;
  const staff = useStaff(stepRole, fields.assignee);
  const staffOptions = (staff.data ?? []).map((u) => ({
    value: u.username,
    label: `${u.fullName} (${u.username})`,
  }));
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    // A corrected field stops showing its old error.
    setErrors((current) => (key in current ? { ...current, [key]: undefined } : current));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateAction(available, values, { ...dossier, hasApprovedDraft }, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    perform.reset();
    let body: Awaited<ReturnType<typeof toActionRequest>>;
    setIsReading(true);
    try {
      body = await toActionRequest(available, values, version);
    } catch {
      setErrors({ file: t('modal.resultFileRead') });
      return;
    } finally {
      setIsReading(false);
    }
    perform.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('modal.done', { label }) });
        onDone();
      },
      onError: (error) => {
        if (isApiProblem(error) && error.code === 'DOSSIER_CONFLICT') onConflict(error);
      },
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={label}
      fullScreen={isMobile}
      size="lg"
      data-testid="action-modal"
      closeButtonProps={{ 'aria-label': t('modal.cancel') }}
    >
      <form onSubmit={submit} noValidate data-testid="action-form" data-action={available.action}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('modal.intro', { code: dossier.code })}
          </Text>
          {fields.assignee ? (
            <Select
              label={t('modal.assignee')}
              description={t('modal.assigneeHint')}
              placeholder={staff.isPending ? t('modal.assigneeLoading') : t('modal.assigneePlaceholder')}
              required
              searchable
              filter={foldedSearch}
              data={staffOptions}
              value={values.assignee || null}
              onChange={(value) => set('assignee', value ?? '')}
              nothingFoundMessage={t('modal.assigneeNone')}
              error={errors.assignee ?? (staff.isError ? t('modal.assigneeLoadFailed') : undefined)}
              disabled={staff.isPending}
              data-testid="action-assignee"
            />
          ) : null}
          {fields.newDueAt ? (
            <TextInput
              type="datetime-local"
              label={t('modal.newDueAt')}
              description={t('modal.newDueHint', { current: formatDateTime(dossier.dueAt) })}
              required
              value={values.newDueAt}
              onChange={(e) => set('newDueAt', e.currentTarget.value)}
              error={errors.newDueAt}
              data-testid="action-new-due"
            />
          ) : null}
          {fields.newDueAt && newDuePreview ? (
            // The picker follows the browser's locale; say unambiguously what will be sent.
            <Text size="sm" mt={-8} data-testid="action-new-due-preview">
              {t('modal.newDuePreview', { date: newDuePreview })}
            </Text>
          ) : null}
          {fields.resultFile && hasApprovedDraft ? (
            <Text size="sm" c="green.9" data-testid="action-issue-draft">
              {tr('issueFromDraft')}
            </Text>
          ) : null}
          {fields.resultFile ? (
            <Input.Wrapper
              label={t('modal.resultFile')}
              description={t('modal.resultFileHint')}
              required={!hasApprovedDraft}
              error={errors.file}
            >
              <Group gap="sm" mt={6} wrap="wrap">
                <FileButton
                  accept={ATTACHMENT_TYPES.join(',')}
                  onChange={(file) => set('file', file)}
                  inputProps={{ 'data-testid': 'action-result-input' } as ComponentProps<'input'>}
                >
                  {(props) => (
                    <Button
                      {...props}
                      variant="default"
                      leftSection={<IconPaperclip size={16} />}
                      data-testid="action-result-button"
                    >
                      {t('modal.chooseFile')}
                    </Button>
                  )}
                </FileButton>
                <Text size="sm" data-testid="action-result-name" style={{ overflowWrap: 'anywhere' }}>
                  {values.file?.name ?? t('modal.noFile')}
                </Text>
              </Group>
            </Input.Wrapper>
          ) : null}
          {fields.resultFile ? (
            <TextInput
              label={t('modal.resultName')}
              placeholder={dossier.procedure.name}
              value={values.resultName}
              onChange={(e) => set('resultName', e.currentTarget.value)}
              error={errors.resultName}
              data-testid="action-result-title"
            />
          ) : null}
          {fields.returnMethod ? (
            <Radio.Group
              label={t('modal.returnMethod')}
              value={values.returnMethod}
              onChange={(v) => set('returnMethod', v === 'post' ? 'post' : 'counter')}
              data-testid="action-return-method"
            >
              <Group gap="lg" mt={6}>
                <Radio value="counter" label={t('modal.returnCounter')} data-testid="action-return-counter" />
                <Radio value="post" label={t('modal.returnPost')} data-testid="action-return-post" />
              </Group>
            </Radio.Group>
          ) : null}
          <Textarea
            label={available.reasonRequired ? t('modal.reason') : t('modal.note')}
            required={available.reasonRequired}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            value={values.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
            error={errors.reason}
            data-testid="action-reason"
          />
          {fields.items ? (
            <MissingItemsField
              label={t('modal.items')}
              description={t('modal.itemsHint')}
              value={values.items}
              onChange={(items) => set('items', items)}
              testIdPrefix="action-item"
            />
          ) : null}
          {perform.isError ? <WorkflowProblemAlert error={perform.error} testId="action-error" /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-testid="action-cancel">
              {t('modal.cancel')}
            </Button>
            <Button
              type="submit"
              color={isDestructive(available.action) ? 'red' : undefined}
              loading={isReading || perform.isPending}
              data-testid="action-submit"
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
