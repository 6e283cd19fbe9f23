import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { normalizeDossierCode as normaliseCode } from '../../../domain/codes/dossier-code.ts';
import { api } from '../../api/endpoints';
import { IconSearch } from '../../components/icons';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Button, Card, TextField, ui } from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
import { TrackingResultCard } from './TrackingResultCard';

export function TrackingPage() {
  const { t } = useTranslation();
  const { code: pathCode } = useParams();
  const [search] = useSearchParams();
  // The slip's QR code opens /tra-cuu/<code>; /tra-cuu?ma=<code> (portal style) works too.
  const codeParam = pathCode ?? search.get('ma') ?? undefined;
  const navigate = useNavigate();
  const [code, setCode] = useState(codeParam ?? '');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<{ code?: string; phone?: string }>({});
  const codeInput = useRef<HTMLInputElement>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  const track = useMutation({
    mutationFn: (input: { code: string; phone: string }) => api.track(input.code, input.phone),
  });

  // Keep the field in step with the URL.
  useEffect(() => {
    if (codeParam) setCode(codeParam);
  }, [codeParam]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normaliseCode(code);
    const found = {
      code: normalised ? undefined : t('tracking.codeRequired'),
      phone: /^\d{4}$/.test(phone.trim()) ? undefined : t('tracking.phoneInvalid'),
    };
    setErrors(found);
    // The first wrong field gets the focus, its message is read with it (aria-describedby).
    if (found.code) return codeInput.current?.focus();
    if (found.phone) return phoneInput.current?.focus();
    track.mutate({ code: normalised, phone: phone.trim() });
    if (normalised !== codeParam)
      void navigate(`/tra-cuu/${encodeURIComponent(normalised)}`, { replace: true });
  };

  return (
    <>
      <PageTitle title={t('tracking.title')} subtitle={t('tracking.subtitle')} />
      <div className={ui.stack} style={{ gap: 20, maxWidth: 860 }}>
        <Card>
          <form onSubmit={submit} noValidate data-testid="tracking-form" aria-label={t('tracking.title')}>
            <div
              className={ui.grid}
              style={{
                gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))',
                alignItems: 'start',
              }}
            >
              <TextField
                inputRef={codeInput}
                label={t('tracking.dossierCode')}
                placeholder={t('tracking.codePlaceholder')}
                autoCapitalize="none"
                spellCheck={false}
                required
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                error={errors.code}
                data-testid="tracking-code"
              />
              <TextField
                inputRef={phoneInput}
                label={t('tracking.phoneLast4')}
                placeholder="1234"
                inputMode="numeric"
                autoComplete="off"
                maxLength={4}
                required
                value={phone}
                onChange={(event) => setPhone(event.currentTarget.value)}
                error={errors.phone}
                data-testid="tracking-phone"
              />
              <div className={ui.field}>
                {/* Aligns the button with the inputs below their labels. */}
                <span aria-hidden="true" style={{ fontSize: '0.875rem', visibility: 'hidden' }}>
                  .
                </span>
                <Button
                  type="submit"
                  disabled={track.isPending}
                  aria-busy={track.isPending}
                  data-testid="tracking-submit"
                >
                  <IconSearch size={16} />
                  {t('tracking.submit')}
                </Button>
              </div>
            </div>
            <p className={ui.hint} style={{ marginTop: 12 }}>
              {t('tracking.privacyNote')}
            </p>
          </form>
        </Card>
        <div aria-live="polite">
          {track.isError ? <PublicProblem error={track.error} testId="tracking-error" /> : null}
          {track.isSuccess ? <TrackingResultCard result={track.data} /> : null}
        </div>
      </div>
    </>
  );
}
