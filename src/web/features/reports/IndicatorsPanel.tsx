import { Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator766 } from '../../api/types';
import { ink } from '../../app/theme';
import { useNumberFormat } from './format';

/** Full-score thresholds of Decision 766 where the scoring description states one (docs/domain-vn.md §1.4). */
const TARGETS: Record<string, number> = { '3.3': 50, '4.2': 80, '5.4': 90 };

function colorFor(id: string, value: number | null): 'gray' | 'teal' | 'yellow' | 'red' {
  if (value === null) return 'gray';
  const target = TARGETS[id] ?? 100;
  if (value >= target) return 'teal';
  return value >= target / 2 ? 'yellow' : 'red';
}

/**
 * Decision 766/QĐ-TTg indicators with their value and formula. Vietnamese shows the server's own wording
 * (the authoritative text); other languages translate by indicator id.
 */
export function IndicatorsPanel({ indicators }: { indicators: Indicator766[] }) {
  const { t, i18n } = useTranslation('reports');
  const isVi = i18n.language === 'vi';
  const computed = indicators.filter((i) => !i.missing);
  const missing = indicators.filter((i) => i.missing);
  return (
    <Stack gap="sm">
      <ComputedIndicators indicators={computed} />
      {missing.length > 0 ? (
        <Stack gap={4} data-testid="indicators-not-collected">
          <Text size="sm" fw={700}>
            {t('indicators.notCollectedTitle')}
          </Text>
          <Table.ScrollContainer minWidth={560} type="native">
            <Table fz="xs" verticalSpacing={4} withTableBorder bg="white">
              <Table.Tbody>
                {missing.map((indicator) => (
                  <Table.Tr key={indicator.id} data-testid="indicator-missing" data-id={indicator.id}>
                    <Table.Td w={48} fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {indicator.id}
                    </Table.Td>
                    <Table.Td>
                      {isVi
                        ? indicator.name
                        : t(`indicators.items.${indicator.id.replace('.', '_')}.name`, {
                            defaultValue: indicator.name,
                          })}
                    </Table.Td>
                    <Table.Td c="dimmed">{indicator.missing}</Table.Td>
                    <Table.Td ta="right" w={130}>
                      <Badge variant="light" color="gray" radius="sm">
                        {t('indicators.notCollected')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The indicators with a value: figure, ratio, full-score threshold, progress and formula. */
function ComputedIndicators({ indicators }: { indicators: Indicator766[] }) {
  const { t, i18n } = useTranslation('reports');
  const n = useNumberFormat();
  const isVi = i18n.language === 'vi';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="indicators">
      {indicators.map((indicator) => {
        const key = indicator.id.replace('.', '_');
        const name = isVi
          ? indicator.name
          : t(`indicators.items.${key}.name`, { defaultValue: indicator.name });
        const formula = isVi
          ? indicator.formulaVi
          : t(`indicators.items.${key}.formula`, { defaultValue: indicator.formula });
        const target = TARGETS[indicator.id];
        // 2.2 is an average number of days, 5.1 a number of feedback items: neither is a share.
        const days = indicator.unit === 'days';
        const count = indicator.unit === 'count';
        return (
          <Card key={indicator.id} padding="md" radius="md" data-testid="indicator" data-id={indicator.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <Badge variant="outline" radius="sm" color="gray" style={{ flex: 'none' }}>
                    {indicator.id}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {name}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {days
                    ? t('indicators.settledCount', { count: indicator.denominator })
                    : count
                      ? t('indicators.feedbackCount', { count: indicator.numerator })
                      : t('indicators.ratio', {
                          numerator: n.count(indicator.numerator),
                          denominator: n.count(indicator.denominator),
                        })}
                  {target ? ` · ${t('indicators.target', { target })}` : ''}
                </Text>
              </Stack>
              <Text
                fz={26}
                fw={800}
                lh={1}
                c={days || count ? 'dark' : ink(colorFor(indicator.id, indicator.value))}
                style={{ whiteSpace: 'nowrap' }}
                data-testid="indicator-value"
              >
                {days
                  ? indicator.value === null
                    ? 'N/A'
                    : t('ranking.days', { value: n.decimal(indicator.value) })
                  : count
                    ? n.count(indicator.value ?? 0)
                    : n.percent(indicator.value)}
              </Text>
            </Group>
            {count && indicator.parts ? (
              <Text size="xs" mt="xs" data-testid="indicator-parts">
                {Object.entries(indicator.parts)
                  .map(([k, v]) => `${t(`feedback:categories.${k}`, { defaultValue: k })}: ${n.count(v)}`)
                  .join(' · ')}
              </Text>
            ) : null}
            {days || count ? null : (
              <Progress
                value={indicator.value ?? 0}
                color={colorFor(indicator.id, indicator.value)}
                size="sm"
                mt="sm"
                aria-label={name}
              />
            )}
            <Text size="xs" mt="sm" data-testid="indicator-formula">
              <Text span size="xs" fw={700}>
                {t('indicators.formula')}:{' '}
              </Text>
              {formula}
            </Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
