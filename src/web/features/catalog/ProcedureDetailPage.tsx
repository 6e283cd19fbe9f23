import {
  Anchor,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ProcedureFee } from '../../api/types';
import { IconArrowLeft, IconBuilding, IconClock, IconCoins, IconDownload } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { blankFormUrl, useFormDefinition } from '../forms/forms-api';
import { useSelectedUnit } from '../units/use-communes';
import { DocumentsTable } from './DocumentsTable';
import { timeLimitLabel } from './time-limit-label';
import { useProcedure } from './use-procedures';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} radius="lg" data-testid={testId}>
      <Title order={2} fz="lg" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Center w={32} h={32} bg="brand.0" c="brand.8" style={{ borderRadius: 8, flex: 'none' }}>
        {icon}
      </Center>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text size="sm" component="div">
          {children}
        </Text>
      </Stack>
    </Group>
  );
}

function FeeAmount({ fee }: { fee: ProcedureFee }) {
  const { t } = useTranslation();
  if (fee.amount === null) return <>{t('procedure.feeProvinceSet')}</>;
  if (fee.amount === 0) return <>{t('procedure.feeFree')}</>;
  // Amounts and their unit text are official Vietnamese data: "2.000 đồng/trang".
  const amount = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(fee.amount);
  return <>{`${amount} ${fee.unitText ?? 'đồng'}`}</>;
}

function StringList({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <List spacing={6} size="sm">
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}

export function ProcedureDetailPage() {
  const { t, i18n } = useTranslation();
  const { code } = useParams();
  const selected = useSelectedUnit();
  const procedure = useProcedure(code, selected.code);
  const form = useFormDefinition(code);
  const backHref = selected.code ? `/thu-tuc?unit=${encodeURIComponent(selected.code)}` : '/thu-tuc';
  const back = (
    <Button component={Link} to={backHref} variant="subtle" leftSection={<IconArrowLeft size={16} />} px={0}>
      {t('procedure.back')}
    </Button>
  );

  if (procedure.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (procedure.isError) {
    return (
      <Stack>
        {back}
        <ProblemAlert error={procedure.error} testId="procedure-error" isPublic />
      </Stack>
    );
  }

  const p = procedure.data;
  const onlineLevelKey = `procedure.onlineLevels.${p.onlineLevel}`;
  const onlineLevel = !p.onlineLevel ? '' : i18n.exists(onlineLevelKey) ? t(onlineLevelKey) : p.onlineLevel;

  return (
    <Stack gap="lg" data-testid="procedure-detail">
      <div>
        {back}
        <PageTitle
          title={p.name}
          subtitle={
            <Group gap="xs" mt={4}>
              <Badge variant="outline" radius="sm" ff="monospace" data-testid="procedure-code">
                {p.code}
              </Badge>
              <Badge variant="light" radius="sm">
                {p.field.name}
              </Badge>
              <Badge variant="light" color="gray" radius="sm">
                {p.sector.name}
              </Badge>
            </Group>
          }
        />
      </div>

      <Paper p={{ base: 'md', sm: 'lg' }} radius="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Fact icon={<IconClock size={18} />} label={t('procedure.timeLimit')}>
              <Text size="sm" fw={600}>
                {timeLimitLabel(p.timeLimit, t)}
              </Text>
              <Text size="xs" c="dimmed">
                {p.timeLimit.text}
              </Text>
            </Fact>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Fact icon={<IconCoins size={18} />} label={t('procedure.fee')}>
              {p.feeText || t('catalog.noFee')}
            </Fact>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Fact icon={<IconBuilding size={18} />} label={t('procedure.agency')}>
              {p.agency || '—'}
            </Fact>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Fact icon={<IconBuilding size={18} />} label={t('procedure.channels')}>
              <Group gap={4} mt={2}>
                {p.channels.map((channel) => (
                  <Badge key={channel} size="sm" variant="light" color="teal">
                    {t(`channels.${channel}`)}
                  </Badge>
                ))}
              </Group>
              {onlineLevel ? (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('procedure.onlineLevel')}: {onlineLevel}
                </Text>
              ) : null}
            </Fact>
          </Grid.Col>
        </Grid>
      </Paper>

      {form.isSuccess ? (
        <Group gap="sm" data-testid="procedure-form-actions">
          {p.channels.includes('online') ? (
            <Button
              component={Link}
              to={`/thu-tuc/${encodeURIComponent(p.code)}/nop-truc-tuyen${selected.code ? `?unit=${encodeURIComponent(selected.code)}` : ''}`}
              size="md"
              data-testid="file-online"
            >
              {t('procedure.fileOnline')}
            </Button>
          ) : null}
          <Button
            component="a"
            href={blankFormUrl(p.code)}
            variant="light"
            size="md"
            leftSection={<IconDownload size={16} />}
            data-testid="download-form"
          >
            {t('procedure.downloadForm')}
          </Button>
        </Group>
      ) : null}

      <Section title={t('procedure.documents')} testId="procedure-documents-section">
        <DocumentsTable documents={p.documents} />
      </Section>

      <Section title={t('procedure.fees')}>
        {p.fees.length === 0 ? (
          <Text c="dimmed">{t('catalog.noFee')}</Text>
        ) : (
          <Stack gap="xs">
            {p.fees.map((fee) => (
              <Group
                key={fee.name}
                justify="space-between"
                align="flex-start"
                wrap="wrap"
                gap="xs"
                data-testid="procedure-fee"
              >
                <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {fee.name}
                  </Text>
                  {fee.note ? (
                    <Text size="xs" c="dimmed">
                      {fee.note}
                    </Text>
                  ) : null}
                </Stack>
                <Stack gap={2} style={{ flex: '1 1 220px', minWidth: 0 }} align="stretch">
                  <Text size="sm" fw={600} ta={{ base: 'left', sm: 'right' }}>
                    <FeeAmount fee={fee} />
                  </Text>
                  {fee.provinceSet && fee.amount !== null ? (
                    <Text size="xs" c="dimmed" ta={{ base: 'left', sm: 'right' }}>
                      {t('procedure.feeProvinceNote')}
                    </Text>
                  ) : null}
                </Stack>
              </Group>
            ))}
          </Stack>
        )}
      </Section>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('procedure.applicants')}>
            <StringList items={p.applicants} empty={t('procedure.none')} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('procedure.result')}>
            <Text size="sm">{p.result || t('procedure.none')}</Text>
          </Section>
        </Grid.Col>
      </Grid>

      <Section title={t('procedure.legalBasis')}>
        <StringList items={p.legalBasis} empty={t('procedure.none')} />
      </Section>

      <Group>
        <Anchor component={Link} to="/tra-cuu" size="sm">
          {t('procedure.trackHint')}
        </Anchor>
      </Group>
    </Stack>
  );
}
