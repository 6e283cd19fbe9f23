import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  List,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import { contactOf } from '../../../domain/forms/contact.ts';
import { prefillVerified } from '../../../domain/forms/prefill.ts';
import type { FormAnswers, FormDefinition, FormIssue } from '../../../domain/forms/types.ts';
import { isGroupShown, validateAnswers, validateGroup } from '../../../domain/forms/validate.ts';
import { isApiProblem } from '../../api/client';
import type { ProcedureDetail } from '../../api/types';
import { IconArrowLeft, IconDownload } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/datetime';
import { useProcedure } from '../catalog/use-procedures';
import { type CitizenMe, useCitizen } from '../citizen/citizen-api';
import { useSelectedUnit } from '../units/use-communes';
import { type DocumentPhotos, DocumentsStep, documentState } from './DocumentsStep';
import {
  type DraftSaveState,
  type DraftStore,
  draftKey,
  memoryDraftStore,
  serverDraftStore,
  useDraft,
} from './drafts';
import { fieldDomId } from './FieldInput';
import {
  blankFormUrl,
  citizenLoginUrl,
  submitAssistedDossier,
  submitOnlineDossier,
  useFormDefinition,
} from './forms-api';
import { type Answers, GroupStep } from './GroupStep';
import { ReviewStep } from './ReviewStep';
import { FORMS_NS } from './strings';

interface WizardState {
  answers: Answers;
  step: number;
  photos: DocumentPhotos;
}

/** Issues as a list of links to the fields they concern (WCAG 3.3.1: errors identified and linked). */
function ErrorSummary({ issues, onPick }: { issues: FormIssue[]; onPick?: (issue: FormIssue) => void }) {
  const { t } = useTranslation(FORMS_NS);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="light"
      role="alert"
      title={t('errorsTitle', { count: issues.length })}
      data-testid="error-summary"
    >
      <List size="sm" spacing={4}>
        {issues.map((issue) => (
          <List.Item key={`${issue.path}:${issue.code}`}>
            <Anchor
              href={`#${fieldDomId(issue.path)}`}
              size="sm"
              c="red.9"
              onClick={(e) => {
                e.preventDefault();
                if (onPick) onPick(issue);
                else document.getElementById(fieldDomId(issue.path))?.focus();
              }}
            >
              {issue.message}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** A network failure is retried a few times before the citizen is asked to send again. */
const isNetworkFailure = (error: unknown) => isApiProblem(error) && error.code === 'NETWORK_ERROR';

function Wizard({
  definition,
  procedure,
  unitCode,
  citizen,
  assisted = false,
}: {
  definition: FormDefinition;
  procedure: ProcedureDetail;
  unitCode: string;
  /** The signed-in citizen: drafts go to their account, their verified identity fills the form. */
  citizen: CitizenMe | null;
  /** A reception officer fills it at the counter for the citizen (no sign-in, no draft kept on the desk's PC). */
  assisted?: boolean;
}) {
  const { t } = useTranslation(FORMS_NS);
  const location = useLocation();
  const today = useMemo(() => vnDateOf(new Date()), []);
  const [saveState, setSaveState] = useState<DraftSaveState | null>(null);
  const draftStore = useMemo<DraftStore | undefined>(
    () =>
      assisted
        ? memoryDraftStore()
        : citizen
          ? serverDraftStore(definition.procedureCode, definition.version, setSaveState)
          : undefined,
    [assisted, citizen, definition.procedureCode, definition.version],
  );
  // The verified values and where they go; a field keeps its mark while its answer is still that value.
  const verified = useMemo(
    () => (citizen ? prefillVerified(definition, {}, citizen) : { answers: {}, verifiedPaths: [] }),
    [citizen, definition],
  );
  const { isLoaded, draft, saveDraft, clearDraft } = useDraft(
    draftKey(definition.procedureCode, definition.version),
    draftStore,
  );
  const [state, setState] = useState<WizardState | null>(null);
  const [isRestored, setRestored] = useState(false);
  const [attempted, setAttempted] = useState<Set<number>>(new Set());
  const [returnToReview, setReturnToReview] = useState(false);
  const [finalIssues, setFinalIssues] = useState<FormIssue[] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const isFirstStep = useRef(true);

  useEffect(() => {
    if (!isLoaded || state !== null) return;
    const fresh = () => (citizen ? prefillVerified(definition, {}, citizen).answers : {});
    setState(
      draft
        ? { answers: draft.answers, step: draft.step, photos: draft.documents ?? {} }
        : { answers: fresh(), step: 0, photos: {} },
    );
    setRestored(Boolean(draft));
  }, [isLoaded, draft, state, citizen, definition]);

  useEffect(() => {
    if (state) saveDraft({ answers: state.answers, step: state.step, documents: state.photos });
  }, [state, saveDraft]);

  const submit = useMutation({
    mutationFn: (answers: FormAnswers) =>
      (assisted ? submitAssistedDossier : submitOnlineDossier)({
        procedureCode: definition.procedureCode,
        unitCode,
        formVersion: definition.version,
        answers,
        contact: contactOf(definition, answers),
        documents: Object.entries(state?.photos ?? {}).map(([documentId, p]) => ({
          documentId,
          fileName: p.fileName,
          contentType: 'image/jpeg',
          dataBase64: p.dataUrl.slice(p.dataUrl.indexOf(',') + 1),
        })),
      }),
    onSuccess: () => void clearDraft(),
    // A dropped connection on rural 3G: sent again twice, a little later each time.
    retry: (count, error) => count < 2 && isNetworkFailure(error),
    retryDelay: (attempt) => 1500 * (attempt + 1),
  });

  const step = state?.step ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen (step) changes
  useEffect(() => {
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    // A new screen: move focus to its heading so keyboard and screen-reader users start at the top.
    heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, [step]);

  if (!state) {
    return (
      <Center py="xl">
        <Loader aria-label={t('title')} />
      </Center>
    );
  }

  const groups = definition.groups
    .filter((g) => isGroupShown(definition, state.answers, g))
    .map((group, i) => ({ group, step: i }));
  const documentsStep = groups.length;
  const reviewStep = groups.length + 1;
  const total = groups.length + 2;
  const current = Math.min(state.step, reviewStep);
  const currentGroup = groups[current]?.group;
  const issues =
    currentGroup && attempted.has(current)
      ? validateGroup(definition, state.answers, currentGroup.id, { today })
      : [];
  const errors = new Map(issues.map((i) => [i.path, i.message]));
  const valueAt = (a: Record<string, unknown>, path: string) => {
    const [g, f] = path.split('.') as [string, string];
    return (a[g] as Record<string, unknown> | undefined)?.[f];
  };
  const verifiedPaths = new Set(
    verified.verifiedPaths.filter((p) => valueAt(state.answers, p) === valueAt(verified.answers, p)),
  );

  const goTo = (next: number) => setState({ ...state, step: next });
  const onNext = () => {
    if (currentGroup) {
      setAttempted(new Set(attempted).add(current));
      if (validateGroup(definition, state.answers, currentGroup.id, { today }).length > 0) return;
    }
    if (returnToReview) {
      setReturnToReview(false);
      goTo(reviewStep);
    } else goTo(current + 1);
  };
  const onEdit = (target: number) => {
    setReturnToReview(true);
    goTo(target);
  };
  const stepOfPath = (path: string) =>
    groups.find(
      (g) => path === g.group.id || path.startsWith(`${g.group.id}.`) || path.startsWith(`${g.group.id}[`),
    )?.step;

  const missingDocs = procedure.documents.filter(
    (d) => documentState(d, state.photos, definition.formDocumentId) === 'missing',
  );
  const onSubmit = () => {
    const verdict = validateAnswers(definition, state.answers, { today });
    if (!verdict.ok) {
      setFinalIssues(verdict.issues);
      setAttempted(new Set(groups.map((g) => g.step)));
      return;
    }
    setFinalIssues(null);
    if (missingDocs.length > 0) return;
    submit.mutate(verdict.value);
  };

  const stepTitle = currentGroup
    ? currentGroup.title
    : current === documentsStep
      ? t('documents')
      : t('reviewTitle');
  const stepText = t('step', { n: current + 1, total });
  const problem = submit.error;
  const needsSignIn = isApiProblem(problem) && problem.status === 401;

  if (submit.isSuccess) {
    return (
      <Alert
        // The button that had the focus is gone: the confirmation takes it (e2e/wizard-keyboard.spec.ts).
        ref={(el) => el?.focus()}
        tabIndex={-1}
        color="teal"
        variant="light"
        role="status"
        data-testid="submitted"
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {submit.data?.code ? t('submitted', { code: submit.data.code }) : t('submittedNoCode')}
          </Text>
          {assisted && submit.data?.code ? (
            <Button
              component={Link}
              to={`/tiep-nhan/truc-tuyen/${encodeURIComponent(submit.data.code)}`}
              data-testid="assisted-to-queue"
            >
              {t('assistedReceiveNow')}
            </Button>
          ) : null}
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      {assisted ? (
        <Alert color="blue" variant="light" data-testid="assisted-note">
          <Text size="sm">{t('assistedNote')}</Text>
        </Alert>
      ) : citizen ? null : (
        <Alert color="blue" variant="light" data-testid="wizard-sign-in">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('signInInvite')}</Text>
            <Button
              component="a"
              size="sm"
              href={citizenLoginUrl(location.pathname + location.search)}
              data-testid="wizard-sign-in-link"
            >
              {t('signInCitizen')}
            </Button>
          </Stack>
        </Alert>
      )}
      {isRestored ? (
        <Alert color="blue" variant="light" data-testid="draft-restored">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('draftRestored')}</Text>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                void clearDraft();
                setRestored(false);
                setAttempted(new Set());
                setState({ answers: citizen ? verified.answers : {}, step: 0, photos: {} });
              }}
            >
              {t('startOver')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <div>
        <Text size="sm" fw={600} data-testid="wizard-progress">
          {stepText}
        </Text>
        <Progress value={((current + 1) / total) * 100} aria-label={stepText} mt={4} size="sm" />
      </div>
      <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg" withBorder>
        <Stack gap="md">
          <Title order={2} fz="lg" ref={heading} tabIndex={-1} data-testid="step-title">
            {stepTitle}
          </Title>
          {currentGroup?.help ? <Text size="sm">{currentGroup.help}</Text> : null}
          {issues.length > 0 ? <ErrorSummary key={`${current}-${attempted.size}`} issues={issues} /> : null}
          {currentGroup ? (
            <GroupStep
              definition={definition}
              group={currentGroup}
              answers={state.answers}
              errors={errors}
              today={today}
              verifiedPaths={verifiedPaths}
              onChange={(answers) => setState({ ...state, answers })}
            />
          ) : current === documentsStep ? (
            <DocumentsStep
              documents={procedure.documents}
              photos={state.photos}
              formDocumentId={definition.formDocumentId}
              onChange={(photos) => setState({ ...state, photos })}
            />
          ) : (
            <>
              {finalIssues && finalIssues.length > 0 ? (
                <ErrorSummary
                  issues={finalIssues}
                  onPick={(issue) => {
                    const s = stepOfPath(issue.path);
                    if (s !== undefined) onEdit(s);
                  }}
                />
              ) : null}
              {missingDocs.length > 0 ? (
                <Alert color="orange" variant="light" data-testid="missing-docs">
                  {t('missingDocs', { names: missingDocs.map((d) => d.name).join('; ') })}
                </Alert>
              ) : null}
              <ReviewStep
                definition={definition}
                groups={groups}
                answers={state.answers}
                documents={procedure.documents}
                photos={state.photos}
                documentsStep={documentsStep}
                onEdit={onEdit}
              />
              {needsSignIn ? (
                <Alert color="blue" variant="light" role="alert" data-testid="sign-in-needed">
                  <Stack gap="xs">
                    <Text size="sm">{t('needSignIn')}</Text>
                    <Button component="a" href={citizenLoginUrl(location.pathname + location.search)}>
                      {t('signIn')}
                    </Button>
                  </Stack>
                </Alert>
              ) : problem ? (
                <ProblemAlert error={problem} testId="submit-error" isPublic />
              ) : null}
            </>
          )}
        </Stack>
      </Paper>
      <Group justify="space-between">
        {current > 0 ? (
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} />}
            onClick={() => goTo(current - 1)}
          >
            {t('back')}
          </Button>
        ) : (
          <span />
        )}
        {current < reviewStep ? (
          <Button onClick={onNext} data-testid="wizard-next">
            {current === documentsStep || returnToReview ? t('review') : t('next')}
          </Button>
        ) : (
          <Button onClick={onSubmit} loading={submit.isPending} data-testid="wizard-submit">
            {submit.isError && !needsSignIn ? t('submitAgain') : t('submit')}
          </Button>
        )}
      </Group>
      <Text
        size="xs"
        c="dimmed"
        hidden={assisted}
        data-testid="draft-status"
        data-where={saveState?.where ?? 'device'}
      >
        {saveState?.where === 'server'
          ? t('draftOnServer', { time: formatDateTime(saveState.at) })
          : saveState?.where === 'device'
            ? t('draftOnDevice')
            : t('draftSaved')}
      </Text>
    </Stack>
  );
}

/** /thu-tuc/:code/nop-truc-tuyen — the online filing wizard, rendered from the procedure's form definition. */
export function WizardPage({ assistedUnit }: { assistedUnit?: string } = {}) {
  const { t } = useTranslation(FORMS_NS);
  const { code } = useParams();
  const chosen = useSelectedUnit();
  // At the counter the officer files into their own commune.
  const selected = assistedUnit ? { code: assistedUnit } : chosen;
  const form = useFormDefinition(code);
  const procedure = useProcedure(code, selected.code);
  const citizen = useCitizen(!assistedUnit);
  const procedureHref = `/thu-tuc/${encodeURIComponent(code ?? '')}${selected.code ? `?unit=${encodeURIComponent(selected.code)}` : ''}`;
  const back = (
    <Button
      component={Link}
      to={procedureHref}
      variant="subtle"
      leftSection={<IconArrowLeft size={16} />}
      px={0}
    >
      {t('toProcedure')}
    </Button>
  );

  let body: React.ReactNode;
  if (form.isPending || (selected.code && procedure.isPending) || (!assistedUnit && citizen.isPending)) {
    body = (
      <Center py="xl">
        <Loader aria-label={t('title')} />
      </Center>
    );
  } else if (form.isError) {
    body = <ProblemAlert error={form.error} testId="form-error" isPublic />;
  } else if (!selected.code) {
    body = (
      <Alert color="orange" variant="light">
        {t('chooseCommune')}
      </Alert>
    );
  } else if (procedure.isError) {
    body = <ProblemAlert error={procedure.error} testId="procedure-error" isPublic />;
  } else {
    body = (
      <Wizard
        definition={form.data}
        procedure={procedure.data as ProcedureDetail}
        unitCode={selected.code}
        citizen={assistedUnit ? null : (citizen.data ?? null)}
        assisted={Boolean(assistedUnit)}
      />
    );
  }

  return (
    <Stack gap="sm" maw={720} data-testid="wizard">
      <div>
        {assistedUnit ? null : back}
        <PageTitle
          title={assistedUnit ? t('assistedTitle') : t('title')}
          subtitle={procedure.data?.name ?? form.data?.title}
          actions={
            code ? (
              <Button
                component="a"
                href={blankFormUrl(code)}
                variant="light"
                size="sm"
                leftSection={<IconDownload size={16} />}
                data-testid="download-blank-form"
              >
                {t('downloadBlank')}
              </Button>
            ) : null
          }
        />
      </div>
      {body}
    </Stack>
  );
}
