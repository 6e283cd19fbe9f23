import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { IconArrowLeft, IconDownload, IconPaperclip } from '../../components/icons';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Alert, Badge, Button, Card, Loader, Section, TextLink, ui } from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
import { formatInstant } from '../../lib/format-instant';
import { blobToDataUrl, downscaleImage } from '../forms/downscale';
import { CitizenGate, statusTone } from './CitizenGate';
import {
  type CitizenDossier,
  RATINGS,
  type Rating,
  type UploadDocument,
  useMyDossier,
  useRate,
  useSupplement,
  useWithdraw,
} from './citizen-api';
import { CITIZEN_NS } from './strings';

/** A multi-line text field of the light pages; its error is linked to it. */
function TextArea({
  label,
  value,
  onChange,
  error,
  testId,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  testId: string;
  required?: boolean;
}) {
  const id = useId();
  return (
    <div className={ui.field}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className={ui.input}
        rows={3}
        maxLength={1000}
        required={required}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
        data-testid={testId}
        style={{ minHeight: 72, resize: 'vertical' }}
      />
      {error ? (
        <p id={`${id}-error`} className={ui.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A photo is downscaled on the device (rural 3G); a PDF is sent as it is. */
async function toUpload(file: File, index: number): Promise<UploadDocument> {
  if (file.type === 'application/pdf') {
    const url = await blobToDataUrl(file);
    return {
      documentId: `bo-sung-${index + 1}`,
      fileName: file.name.slice(0, 200) || `bo-sung-${index + 1}.pdf`,
      contentType: 'application/pdf',
      dataBase64: url.slice(url.indexOf(',') + 1),
    };
  }
  const url = await blobToDataUrl(await downscaleImage(file));
  return {
    documentId: `bo-sung-${index + 1}`,
    fileName: `bo-sung-${index + 1}.jpg`,
    contentType: 'image/jpeg',
    dataBase64: url.slice(url.indexOf(',') + 1),
  };
}

/** What reception or the specialist asked for, and the form that sends it (retried on failure). */
function AskedSection({ dossier }: { dossier: CitizenDossier }) {
  const { t } = useTranslation(CITIZEN_NS);
  const asked = dossier.asked;
  const send = useSupplement(dossier.code);
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<UploadDocument[]>([]);
  const [note, setNote] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!asked) return null;

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    setFileError(null);
    try {
      const list = Array.from(files).slice(0, 10);
      setUploads(await Promise.all(list.map((f, i) => toUpload(f, i))));
    } catch {
      setUploads([]);
      setFileError(t('fileUnreadable'));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (uploads.length === 0) {
      setFileError(t('fileMissing'));
      input.current?.focus();
      return;
    }
    send.mutate({ documents: uploads, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <Section
      title={asked.kind === 'pre_receipt_supplement' ? t('askedPre') : t('askedProcessing')}
      data-testid="my-dossier-asked"
      style={{ borderColor: '#e8590c', borderWidth: 2 }}
    >
      {asked.reasons.length > 0 ? (
        <>
          <h3 className={ui.label}>{t('reasons')}</h3>
          <ul data-testid="my-dossier-asked-reasons" style={{ marginTop: 4 }}>
            {asked.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {asked.items.length > 0 ? (
        <>
          <h3 className={ui.label}>{t('items')}</h3>
          <ul style={{ marginTop: 4 }}>
            {asked.items.map((i) => (
              <li key={i.name}>{i.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      <form onSubmit={submit} noValidate className={ui.stack} aria-label={t('uploadTitle')}>
        <p className={ui.hint} style={{ margin: 0 }}>
          {t('uploadHelp')}
        </p>
        <div className={ui.field}>
          <label htmlFor={`sup-${dossier.code}`}>
            <IconPaperclip size={16} /> {t('chooseFile')}
          </label>
          <input
            ref={input}
            id={`sup-${dossier.code}`}
            type="file"
            accept="image/*,application/pdf"
            multiple
            className={ui.input}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `sup-${dossier.code}-error` : undefined}
            onChange={(e) => void onFiles(e.currentTarget.files)}
            data-testid="supplement-file"
          />
          {fileError ? (
            <p id={`sup-${dossier.code}-error`} className={ui.error}>
              {fileError}
            </p>
          ) : null}
          {uploads.length > 0 ? (
            <ul className={ui.hint} data-testid="supplement-chosen" style={{ margin: 0 }}>
              {uploads.map((u) => (
                <li key={u.documentId}>{t('fileChosen', { name: u.fileName })}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <TextArea label={t('note')} value={note} onChange={setNote} testId="supplement-note" />
        <div aria-live="polite">
          {send.isError ? <PublicProblem error={send.error} testId="supplement-error" /> : null}
        </div>
        <div>
          <Button
            type="submit"
            disabled={busy || send.isPending}
            aria-busy={busy || send.isPending}
            data-testid="supplement-send"
          >
            {send.isError ? t('retry') : t('send')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function RatingSection({ dossier }: { dossier: CitizenDossier }) {
  const { t } = useTranslation(CITIZEN_NS);
  const rate = useRate(dossier.code);
  const [choice, setChoice] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const name = useId();
  if (dossier.rating) {
    return (
      <Card role="status" data-testid="rating-done">
        {t('ratingThanks', { rating: t(`rating_${dossier.rating}`) })}
      </Card>
    );
  }
  if (!dossier.can.rate) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setError(t('ratingChoose'));
      first.current?.focus();
      return;
    }
    setError(null);
    rate.mutate({ rating: choice, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <Section title={t('ratingTitle')} data-testid="rating-form">
      <form onSubmit={submit} noValidate className={ui.stack}>
        <p className={ui.hint} style={{ margin: 0 }}>
          {t('ratingHelp')}
        </p>
        <fieldset
          style={{ border: 0, margin: 0, padding: 0 }}
          aria-describedby={error ? `${name}-error` : undefined}
        >
          <legend className={ui.label} style={{ marginBottom: 8 }}>
            {t('ratingChoose')}
          </legend>
          <div className={ui.stack} style={{ gap: 4 }}>
            {RATINGS.map((r, i) => (
              <label key={r} style={{ display: 'flex', gap: 10, alignItems: 'center', minHeight: 40 }}>
                <input
                  ref={i === 0 ? first : undefined}
                  type="radio"
                  name={name}
                  value={r}
                  checked={choice === r}
                  onChange={() => {
                    setChoice(r);
                    setError(null);
                  }}
                  style={{ width: 22, height: 22, margin: 0 }}
                  data-testid={`rating-${r}`}
                />
                {t(`rating_${r}`)}
              </label>
            ))}
          </div>
          {error ? (
            <p id={`${name}-error`} className={ui.error}>
              {error}
            </p>
          ) : null}
        </fieldset>
        <TextArea label={t('ratingComment')} value={comment} onChange={setComment} testId="rating-comment" />
        {rate.isError ? <PublicProblem error={rate.error} testId="rating-error" /> : null}
        <div>
          <Button type="submit" disabled={rate.isPending} data-testid="rating-send">
            {t('ratingSend')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function WithdrawSection({ dossier }: { dossier: CitizenDossier }) {
  const { t } = useTranslation(CITIZEN_NS);
  const withdraw = useWithdraw(dossier.code);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!dossier.can.withdraw) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('withdrawReasonRequired'));
      return;
    }
    setError(null);
    withdraw.mutate({ reason: reason.trim() });
  };
  return (
    <details className={ui.card} data-testid="withdraw">
      <summary style={{ cursor: 'pointer', fontWeight: 600, minHeight: 24 }}>{t('withdrawTitle')}</summary>
      <form onSubmit={submit} noValidate className={ui.stack} style={{ marginTop: 12 }}>
        <p className={ui.hint} style={{ margin: 0 }}>
          {t('withdrawHelp')}
        </p>
        <TextArea
          label={t('withdrawReason')}
          value={reason}
          onChange={setReason}
          error={error}
          required
          testId="withdraw-reason"
        />
        {withdraw.isError ? <PublicProblem error={withdraw.error} testId="withdraw-error" /> : null}
        <div>
          <Button type="submit" variant="light" disabled={withdraw.isPending} data-testid="withdraw-send">
            {t('withdrawConfirm')}
          </Button>
        </div>
      </form>
    </details>
  );
}

function Detail({ dossier }: { dossier: CitizenDossier }) {
  const { t, i18n } = useTranslation(CITIZEN_NS);
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  return (
    <div className={ui.stack}>
      <Card data-testid="my-dossier-summary">
        <div className={ui.row} style={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <div style={{ minWidth: 0 }}>
            <p className={ui.label}>{t('code')}</p>
            <p
              className={ui.mono}
              style={{ margin: 0, fontWeight: 700, overflowWrap: 'anywhere' }}
              data-testid="my-dossier-code"
            >
              {dossier.code}
            </p>
          </div>
          <Badge
            tone={statusTone(dossier.status)}
            data-testid="my-dossier-status"
            data-status={dossier.status}
          >
            {tc(`statuses.${dossier.status}`, { defaultValue: dossier.statusName })}
          </Badge>
        </div>
        <p style={{ margin: '12px 0 0' }} data-testid="my-dossier-next">
          <strong>{t('next')}: </strong>
          {t(`statusHelp_${dossier.status}`)}
        </p>
        <dl className={ui.grid} style={{ margin: '16px 0 0' }}>
          <div>
            <dt className={ui.label}>{t('unit')}</dt>
            <dd style={{ margin: 0 }}>{dossier.unit.name}</dd>
          </div>
          <div>
            <dt className={ui.label}>{t('submittedAt')}</dt>
            <dd style={{ margin: 0 }}>{formatInstant(dossier.submittedAt, lang)}</dd>
          </div>
          <div>
            <dt className={ui.label}>{t('appointment')}</dt>
            <dd style={{ margin: 0, fontWeight: 700 }} data-testid="my-dossier-appointment">
              {dossier.appointment ? formatInstant(dossier.appointment, lang) : '—'}
            </dd>
          </div>
        </dl>
        <p className={ui.hint} style={{ marginTop: 12 }} data-testid="my-dossier-due-help">
          {dossier.appointment ? t('appointmentHelp') : dossier.status === 1 ? t('noAppointment') : ''}
        </p>
      </Card>
      <AskedSection dossier={dossier} />
      {dossier.refusal ? (
        <Alert data-testid="my-dossier-refusal">
          <p style={{ fontWeight: 700 }}>{t('refusedTitle')}</p>
          <ul style={{ margin: 0 }}>
            {dossier.refusal.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {dossier.result ? (
        <Section title={t('resultTitle')} data-testid="my-dossier-result">
          <a
            href={dossier.result.url}
            download={dossier.result.fileName}
            className={ui.button}
            data-variant="filled"
            data-testid="my-dossier-result-download"
          >
            <IconDownload size={16} />
            {t('download', { name: dossier.result.fileName })}
          </a>
        </Section>
      ) : null}
      <RatingSection dossier={dossier} />
      <Section title={t('timeline')} data-testid="my-dossier-timeline">
        <ol className={ui.stack} style={{ gap: 10, margin: 0, paddingLeft: 20 }}>
          {dossier.timeline.map((e) => (
            <li key={`${e.at}-${e.code}`} data-testid="timeline-entry" data-action={e.code}>
              <span style={{ fontWeight: 600 }}>{t(`action_${e.code}`, { defaultValue: e.action })}</span>
              {e.status ? ` — ${tc(`statuses.${e.status}`, { defaultValue: e.statusName })}` : ''}
              <br />
              <span className={ui.dimmed}>{formatInstant(e.at, lang)}</span>
            </li>
          ))}
        </ol>
      </Section>
      {dossier.files.length > 0 ? (
        <Section title={t('files')}>
          <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="my-dossier-files">
            {dossier.files.map((f) => (
              <li key={f.id} style={{ overflowWrap: 'anywhere' }}>
                {f.fileName}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <WithdrawSection dossier={dossier} />
    </div>
  );
}

function DossierLoader({ code }: { code: string }) {
  const { t } = useTranslation(CITIZEN_NS);
  const dossier = useMyDossier(code, true);
  if (dossier.isPending) return <Loader label={t('title')} />;
  if (dossier.isError) return <PublicProblem error={dossier.error} testId="my-dossier-error" />;
  return <Detail dossier={dossier.data} />;
}

/** /ho-so-cua-toi/:code — one of the citizen's own dossiers (another's is "not found"). */
export function MyDossierPage() {
  const { t } = useTranslation(CITIZEN_NS);
  const { code = '' } = useParams();
  return (
    <div style={{ maxWidth: 860 }} data-testid="my-dossier-page">
      <p style={{ margin: '0 0 8px' }}>
        <TextLink to="/ho-so-cua-toi" data-testid="my-dossier-back">
          <IconArrowLeft size={16} /> {t('back')}
        </TextLink>
      </p>
      <PageTitle title={t('title')} subtitle={code} />
      <CitizenGate>{() => <DossierLoader code={code} />}</CitizenGate>
    </div>
  );
}
