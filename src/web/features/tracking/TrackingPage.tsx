import { Button, Grid, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { normalizeDossierCode as normaliseCode } from '../../../domain/codes/dossier-code.ts';
import { api } from '../../api/endpoints';
import { IconSearch } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TrackingResultCard } from './TrackingResultCard';

export function TrackingPage() {
  const { t } = useTranslation();
  const { code: pathCode } = useParams();
  const [search] = useSearchParams();
  // The slip's QR code opens /tra-cuu/<code>; /tra-cuu?ma=<code> (portal style) works too.
  const codeParam = pathCode ?? search.get('ma') ?? undefined;
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { code: codeParam ?? '', phone: '' },
    validate: {
      code: (value) => (normaliseCode(value) ? null : t('tracking.codeRequired')),
      phone: (value) => (/^\d{4}$/.test(value.trim()) ? null : t('tracking.phoneInvalid')),
    },
  });
  const track = useMutation({
    mutationFn: ({ code, phone }: { code: string; phone: string }) => api.track(code, phone),
  });

  // Keep the field in step with the URL.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new URL code should reset the field
  useEffect(() => {
    if (codeParam) form.setFieldValue('code', codeParam);
  }, [codeParam]);

  const submit = form.onSubmit((values) => {
    const code = normaliseCode(values.code);
    track.mutate({ code, phone: values.phone.trim() });
    if (code !== codeParam) void navigate(`/tra-cuu/${encodeURIComponent(code)}`, { replace: true });
  });

  return (
    <>
      <PageTitle title={t('tracking.title')} subtitle={t('tracking.subtitle')} />
      <Stack gap="lg" maw={860}>
        <Paper p={{ base: 'md', sm: 'lg' }} radius="lg">
          <form onSubmit={submit} noValidate data-testid="tracking-form">
            <Grid gap="md" align="flex-end">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label={t('tracking.dossierCode')}
                  placeholder={t('tracking.codePlaceholder')}
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  data-testid="tracking-code"
                  {...form.getInputProps('code')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <TextInput
                  label={t('tracking.phoneLast4')}
                  placeholder="1234"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={4}
                  required
                  data-testid="tracking-phone"
                  {...form.getInputProps('phone')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <Button
                  type="submit"
                  fullWidth
                  loading={track.isPending}
                  leftSection={<IconSearch size={16} />}
                  data-testid="tracking-submit"
                >
                  {t('tracking.submit')}
                </Button>
              </Grid.Col>
            </Grid>
            <Text size="xs" c="dimmed" mt="sm">
              {t('tracking.privacyNote')}
            </Text>
          </form>
        </Paper>
        {track.isError ? <ProblemAlert error={track.error} testId="tracking-error" isPublic /> : null}
        {track.isSuccess ? <TrackingResultCard result={track.data} /> : null}
      </Stack>
    </>
  );
}
