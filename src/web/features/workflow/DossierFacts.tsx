import { Anchor, Badge, Divider, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierResultUrl } from '../../api/endpoints';
import type { Dossier } from '../../api/types';
import { formatDateTime } from '../../lib/datetime';
import { timeLimitLabel } from '../catalog/time-limit-label';
import { AttachmentFiles } from '../online/AttachmentFiles';
import { stepLabel } from './workflow-model';

/** "1 bản chính, 2 bản photo": only the kinds actually handed over. */
function copiesText(
  t: TFunction,
  document: { originals: number; certifiedCopies: number; photocopies: number },
): string {
  const parts = [
    document.originals > 0 ? t('dossier.copyOriginals', { count: document.originals }) : '',
    document.certifiedCopies > 0 ? t('dossier.copyCertified', { count: document.certifiedCopies }) : '',
    document.photocopies > 0 ? t('dossier.copyPhotocopies', { count: document.photocopies }) : '',
  ];
  return parts.filter(Boolean).join(', ') || '—';
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} component="div" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </Stack>
  );
}

/** Who is handling the dossier now: step, assignee, step deadline, pause, result. */
export function ProcessingFacts({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const step = dossier.step;
  return (
    <Paper p={{ base: 'sm', sm: 'md' }} radius="lg" data-testid="dossier-processing">
      <Title order={2} fz="md" mb="sm">
        {t('dossier.processingTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <Fact label={t('dossier.step')} testId="dossier-step">
          {step ? (
            <>
              {stepLabel(t, step)}{' '}
              <Text span size="xs" c="dimmed">
                ({tc(`roles.${step.role}`, { defaultValue: step.role })})
              </Text>
            </>
          ) : (
            t('dossier.noStep')
          )}
        </Fact>
        <Fact label={t('dossier.assignee')} testId="dossier-assignee">
          {step ? (dossier.assignee ?? t('dossier.unassigned')) : '—'}
        </Fact>
        {step?.dueAt ? <Fact label={t('dossier.stepDue')}>{formatDateTime(step.dueAt)}</Fact> : null}
        {dossier.pausedSince ? (
          <Fact label={t('dossier.pausedSince')}>{formatDateTime(dossier.pausedSince)}</Fact>
        ) : null}
        {dossier.supplementRequests > 0 ? (
          <Fact label={t('dossier.supplementRequests')}>{String(dossier.supplementRequests)}</Fact>
        ) : null}
        {dossier.processingEndedAt ? (
          <Fact label={t('dossier.processingEndedAt')}>{formatDateTime(dossier.processingEndedAt)}</Fact>
        ) : null}
        {dossier.result ? (
          <Fact label={t('dossier.result')}>
            <Anchor
              href={dossierResultUrl(dossier.code)}
              download={dossier.result.fileName}
              size="sm"
              fw={500}
              title={t('dossier.resultDownload', { name: dossier.result.fileName })}
              data-testid="dossier-result"
            >
              {dossier.result.fileName}
            </Anchor>
          </Fact>
        ) : null}
        {dossier.returnedAt ? (
          <Fact label={t('dossier.returnedAt')} testId="dossier-returned-at">
            {formatDateTime(dossier.returnedAt)}
          </Fact>
        ) : null}
      </SimpleGrid>
    </Paper>
  );
}

/** The applicant, the procedure and what was handed over at the counter. */
export function ApplicantFacts({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const { applicant } = dossier;
  // The issued result is stored with the dossier's files; it is shown under processing, not as a scan.
  const attachments = dossier.attachments.filter((attachment) => attachment.id !== dossier.result?.fileId);
  return (
    <Paper p={{ base: 'sm', sm: 'md' }} radius="lg" data-testid="dossier-applicant">
      <Title order={2} fz="md" mb="sm">
        {t('dossier.applicantTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <Fact label={tc('intake.fullName')} testId="dossier-applicant-name">
          {applicant.fullName}
        </Fact>
        <Fact label={tc('intake.idNumber')}>{applicant.idNumber}</Fact>
        <Fact label={tc('intake.phone')}>{applicant.phone}</Fact>
        <Fact label={t('dossier.email')}>{applicant.email ?? ''}</Fact>
        <Fact label={tc('intake.address')}>{applicant.address}</Fact>
        <Fact label={tc('intake.returnMethod')}>
          {dossier.returnMethod === 'post' ? tc('intake.returnPost') : tc('intake.returnCounter')}
        </Fact>
      </SimpleGrid>
      <Divider my="sm" />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <Fact label={tc('tracking.procedure')} testId="dossier-procedure">
          {dossier.procedure.name}{' '}
          <Badge size="xs" variant="outline" color="gray">
            {dossier.procedure.code}
          </Badge>
        </Fact>
        <Fact label={tc('procedure.timeLimit')}>{timeLimitLabel(dossier.procedure.timeLimit, tc)}</Fact>
        <Fact label={t('dossier.subject')}>{dossier.subject ?? ''}</Fact>
        <Fact label={t('dossier.receivedBy')}>
          {dossier.receivedBy.fullName} · {formatDateTime(dossier.receivedAt)}
        </Fact>
        <Fact label={tc('intake.success.book')}>
          {tc('intake.success.bookValue', { volume: dossier.book.volume, number: dossier.book.number })}
        </Fact>
      </SimpleGrid>
      <Divider my="sm" />
      <Text size="xs" c="dimmed" fw={600} mb={4}>
        {t('dossier.documentsReceived')}
      </Text>
      {dossier.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {dossier.documents.map((document) => (
            <List.Item key={document.id}>
              {document.name}{' '}
              <Text span size="xs" c="dimmed">
                ({copiesText(t, document)})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {attachments.length > 0 ? (
        <>
          <Text size="xs" c="dimmed" fw={600} mt="sm" mb={4}>
            {t('dossier.attachments')}
          </Text>
          <AttachmentFiles code={dossier.code} files={attachments} testId="dossier-attachments" />
        </>
      ) : null}
      <PortalFiles files={dossier.portalFiles} />
    </Paper>
  );
}

const PORTAL_FILE_COLOR = { pending: 'yellow', fetched: 'teal', failed: 'red' } as const;

/** The files of a dossier submitted on the national portal, still being fetched or not fetched (with why). */
function PortalFiles({ files }: { files: Dossier['portalFiles'] }) {
  const { t } = useTranslation('workflow');
  const open = files.filter((f) => f.state !== 'fetched');
  if (open.length === 0) return null;
  return (
    <Stack gap={4} mt="sm" data-testid="dossier-portal-files">
      <Text size="xs" c="dimmed" fw={600}>
        {t('dossier.portalFiles')}
      </Text>
      {open.map((f) => (
        <Stack key={`${f.componentId}:${f.fileName}`} gap={0} data-state={f.state}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {f.fileName}{' '}
            <Badge size="sm" variant="light" color={PORTAL_FILE_COLOR[f.state]}>
              {t(`dossier.portalFileState.${f.state}`)}
            </Badge>
          </Text>
          {f.state === 'failed' && f.lastError ? (
            <Text size="xs" c="red">
              {f.lastError}
            </Text>
          ) : null}
        </Stack>
      ))}
    </Stack>
  );
}
