import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../../domain/feedback/names.ts';
import { PublicProblem } from '../../components/lite/PublicProblem';
import {
  Button,
  ButtonLink,
  Card,
  SelectField,
  TextField,
  ui,
  useDocumentTitle,
} from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
import { formatInstant } from '../../lib/format-instant';
import { useCommunes, useSelectedUnit } from '../units/use-communes';
import { feedbackApi } from './api';
import classes from './feedback.module.css';

type Errors = Partial<Record<'unit' | 'name' | 'contact' | 'content', string>>;

/**
 * A citizen sends feedback or a petition about a procedure to a commune center (issue 18 item 3): no
 * sign-in; the receipt code it gets follows the handling at /phan-anh/<code>.
 */
export function SubmitFeedbackPage() {
  const { t, i18n } = useTranslation('feedback');
  useDocumentTitle(t('submit.title'));
  const navigate = useNavigate();
  const communes = useCommunes();
  const selected = useSelectedUnit();
  const contentId = useId();
  const [category, setCategory] = useState<FeedbackCategory>('attitude');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [dossierCode, setDossierCode] = useState('');
  const [content, setContent] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [followCode, setFollowCode] = useState('');
  const [followError, setFollowError] = useState<string>();
  const send = useMutation({ mutationFn: feedbackApi.submit });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {
      unit: selected.code ? undefined : t('submit.unitRequired'),
      name: name.trim().length >= 2 ? undefined : t('submit.nameRequired'),
      contact: phone.trim() || email.trim() ? undefined : t('submit.contactRequired'),
      content: content.trim().length >= 10 ? undefined : t('submit.contentShort'),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    send.mutate({
      unit: selected.code!,
      category,
      name: name.trim(),
      phone: phone.trim() || undefined,
      email: email.trim() || undefined,
      dossierCode: dossierCode.trim() || undefined,
      content: content.trim(),
    });
  };

  if (send.isSuccess) {
    const r = send.data;
    return (
      <>
        <PageTitle title={t('submit.sent')} />
        <Card data-testid="feedback-receipt" style={{ maxWidth: 640 }}>
          <div className={ui.stack}>
            <p className={ui.label}>{t('submit.codeLabel')}</p>
            <p className={classes.code} data-testid="feedback-receipt-code">
              {r.code}
            </p>
            <p>{t('submit.keepCode')}</p>
            <p className={ui.hint}>
              {t('submit.dueInfo', {
                decision: formatInstant(r.decisionDueAt, i18n.language),
                handling: formatInstant(r.handlingDueAt, i18n.language),
              })}
            </p>
            <ButtonLink to={`/phan-anh/${encodeURIComponent(r.code)}`} data-testid="feedback-follow-link">
              {t('submit.followLink')}
            </ButtonLink>
          </div>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageTitle title={t('submit.title')} subtitle={t('submit.subtitle')} />
      <div className={ui.stack} style={{ gap: 20, maxWidth: 720 }}>
        <Card>
          <form onSubmit={submit} noValidate data-testid="feedback-form" aria-label={t('submit.title')}>
            <div className={ui.stack}>
              <SelectField
                label={t('submit.unit')}
                value={selected.code ?? ''}
                onChange={(e) => selected.selectUnit(e.currentTarget.value || null)}
                error={errors.unit}
                required
                data-testid="feedback-unit"
              >
                <option value="">{t('submit.unitChoose')}</option>
                {(communes.data ?? []).map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('submit.category')}
                value={category}
                onChange={(e) => setCategory(e.currentTarget.value as FeedbackCategory)}
                data-testid="feedback-category"
              >
                {FEEDBACK_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`categories.${c}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('submit.name')}
                autoComplete="name"
                maxLength={120}
                required
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setErrors((x) => ({ ...x, name: undefined }));
                }}
                error={errors.name}
                data-testid="feedback-name"
              />
              <div
                className={ui.grid}
                style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))' }}
              >
                <TextField
                  label={t('submit.phone')}
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  maxLength={24}
                  value={phone}
                  onChange={(e) => {
                    setPhone(e.currentTarget.value);
                    setErrors((x) => ({ ...x, contact: undefined }));
                  }}
                  error={errors.contact}
                  data-testid="feedback-phone"
                />
                <TextField
                  label={t('submit.email')}
                  type="email"
                  autoComplete="email"
                  maxLength={200}
                  value={email}
                  onChange={(e) => {
                    setEmail(e.currentTarget.value);
                    setErrors((x) => ({ ...x, contact: undefined }));
                  }}
                  data-testid="feedback-email"
                />
              </div>
              <p className={ui.hint}>{t('submit.contactHint')}</p>
              <TextField
                label={t('submit.dossierCode')}
                hint={t('submit.dossierHint')}
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
                value={dossierCode}
                onChange={(e) => setDossierCode(e.currentTarget.value)}
                data-testid="feedback-dossier"
              />
              <div className={ui.field}>
                <label htmlFor={contentId}>{t('submit.content')}</label>
                <textarea
                  id={contentId}
                  className={classes.textarea}
                  maxLength={4000}
                  required
                  value={content}
                  onChange={(e) => {
                    setContent(e.currentTarget.value);
                    setErrors((x) => ({ ...x, content: undefined }));
                  }}
                  aria-invalid={errors.content ? true : undefined}
                  aria-describedby={`${contentId}-hint${errors.content ? ` ${contentId}-error` : ''}`}
                  data-testid="feedback-content"
                />
                <p id={`${contentId}-hint`} className={ui.hint}>
                  {t('submit.contentHint')}
                </p>
                {errors.content ? (
                  <p id={`${contentId}-error`} className={ui.error}>
                    {errors.content}
                  </p>
                ) : null}
              </div>
              <div aria-live="polite">
                {send.isError ? <PublicProblem error={send.error} testId="feedback-error" /> : null}
              </div>
              <Button
                type="submit"
                disabled={send.isPending}
                aria-busy={send.isPending}
                data-testid="feedback-send"
              >
                {send.isPending ? t('submit.sending') : t('submit.send')}
              </Button>
            </div>
          </form>
        </Card>
        <Card>
          <form
            noValidate
            aria-label={t('follow.title')}
            onSubmit={(e) => {
              e.preventDefault();
              const code = followCode.trim();
              if (!code) return setFollowError(t('follow.codeRequired'));
              void navigate(`/phan-anh/${encodeURIComponent(code)}`);
            }}
          >
            <div className={ui.stack}>
              <TextField
                label={t('follow.codeLabel')}
                placeholder={t('follow.codePlaceholder')}
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
                value={followCode}
                onChange={(e) => setFollowCode(e.currentTarget.value)}
                error={followError}
                data-testid="feedback-follow-code"
              />
              <Button type="submit" variant="light" data-testid="feedback-follow-go">
                {t('follow.go')}
              </Button>
            </div>
          </form>
        </Card>
      </div>
    </>
  );
}
