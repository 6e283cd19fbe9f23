import { Box, SimpleGrid, Stack, Text } from '@mantine/core';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardCommune } from '../../api/types';
import { useIsMobile } from '../../components/use-is-mobile';
import { CountList } from './CountList';
import { CHART_PALETTE, type ChartOption, echarts } from './echarts';
import { Section } from './Section';

/**
 * On a phone the legend wraps over several lines with truncated names (the tooltip shows them in
 * full); on a wide screen one scrolling line is enough.
 */
function legendFor(isMobile: boolean, side: 'top'): ChartOption['legend'] {
  return isMobile
    ? {
        type: 'plain',
        [side]: 0,
        left: 0,
        right: 0,
        itemGap: 8,
        textStyle: { width: 120, overflow: 'truncate' },
        tooltip: { show: true },
      }
    : { type: 'scroll', [side]: 0, left: 0, right: 0 };
}

/** "Xã Tân Thới" → "Tân Thới": axis labels have little room. */
function shortName(name: string): string {
  return name.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/u, '');
}

function Chart({
  option,
  height,
  testId,
  label,
}: {
  option: ChartOption;
  height: number;
  testId: string;
  label: string;
}) {
  return (
    <Box data-testid={testId} role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'svg' }}
      />
    </Box>
  );
}

/** Dossiers by field per commune (stacked), on-time rate per commune, and the province's field mix. */
export function DashboardCharts({ communes }: { communes: DashboardCommune[] }) {
  const { t } = useTranslation('reports');
  const isMobile = useIsMobile();
  // Bars run horizontally so that long commune names stay readable on a phone.
  const names = useMemo(() => communes.map((c) => shortName(c.unit.name)), [communes]);
  const barHeight = Math.max(220, communes.length * 44 + 90);

  // One colour per field, the same in every chart, largest field first.
  const fields = useMemo(() => {
    const totals = new Map<string, { code: string; name: string; count: number }>();
    for (const c of communes) {
      for (const f of c.byField) {
        const entry = totals.get(f.code) ?? { code: f.code, name: f.name, count: 0 };
        entry.count += f.received;
        totals.set(f.code, entry);
      }
    }
    return [...totals.values()]
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      .map((f, i) => ({ ...f, color: CHART_PALETTE[i % CHART_PALETTE.length] as string }));
  }, [communes]);

  const byField = useMemo<ChartOption>(() => {
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      legend: legendFor(isMobile, 'top'),
      grid: { left: 4, right: 16, top: isMobile ? 12 + Math.ceil(fields.length / 2) * 24 : 40, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: names,
        inverse: true,
        axisLabel: { width: isMobile ? 90 : 140, overflow: 'truncate' },
      },
      series: fields.map(({ code, name, color }) => ({
        type: 'bar',
        name,
        stack: 'received',
        itemStyle: { color },
        barMaxWidth: 28,
        emphasis: { focus: 'series' },
        data: communes.map((c) => c.byField.find((f) => f.code === code)?.received ?? 0),
      })),
    };
  }, [communes, fields, names, isMobile]);

  const onTime = useMemo<ChartOption>(
    () => ({
      color: ['#2f9e44'],
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (v) => (v === null || v === undefined || v === '-' ? 'N/A' : `${v}%`),
      },
      grid: { left: 4, right: 48, top: 16, bottom: 8 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: names,
        inverse: true,
        axisLabel: { width: isMobile ? 90 : 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('dashboard.cols.onTimeRate'),
          barMaxWidth: 24,
          label: {
            show: true,
            position: 'right',
            formatter: (p) => (typeof p.value === 'number' ? `${p.value}%` : 'N/A'),
          },
          data: communes.map((c) =>
            c.onTimeRate === null
              ? { value: '-' }
              : {
                  value: c.onTimeRate,
                  itemStyle: {
                    color: c.onTimeRate >= 90 ? '#2f9e44' : c.onTimeRate >= 70 ? '#e39b00' : '#c81823',
                  },
                },
          ),
        },
      ],
    }),
    [communes, names, isMobile, t],
  );

  const share = useMemo<ChartOption>(() => {
    return {
      tooltip: { trigger: 'item', confine: true, formatter: '{b}: {c} ({d}%)' },
      // The coloured list beside the chart is its legend.
      series: [
        {
          type: 'pie',
          name: t('dashboard.charts.share'),
          radius: ['38%', '64%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          label: { show: !isMobile, formatter: '{c}' },
          data: fields.map((f) => ({ name: f.name, value: f.count, itemStyle: { color: f.color } })),
        },
      ],
    };
  }, [fields, isMobile, t]);

  const hasDossiers = communes.some((c) => c.received > 0);

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('dashboard.charts.byField')} testId="chart-by-field-section">
          {hasDossiers ? null : (
            <Text size="sm" c="dimmed" mb="xs">
              {t('dashboard.noDossiers')}
            </Text>
          )}
          <Chart
            option={byField}
            height={barHeight}
            testId="chart-by-field"
            label={t('dashboard.charts.byField')}
          />
        </Section>
        <Section title={t('dashboard.charts.onTime')} testId="chart-on-time-section">
          <Chart
            option={onTime}
            height={barHeight}
            testId="chart-on-time"
            label={t('dashboard.charts.onTime')}
          />
        </Section>
      </SimpleGrid>
      {hasDossiers ? (
        <Section title={t('dashboard.charts.share')} testId="chart-share-section">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Chart option={share} height={300} testId="chart-share" label={t('dashboard.charts.share')} />
            <Stack gap="xs" justify="center">
              <CountList
                itemTestId="province-field"
                items={fields.map((f) => ({ key: f.code, label: f.name, count: f.count, color: f.color }))}
              />
            </Stack>
          </SimpleGrid>
        </Section>
      ) : null}
    </Stack>
  );
}

export default DashboardCharts;
