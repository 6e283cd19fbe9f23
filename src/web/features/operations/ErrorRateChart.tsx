import { Box, SegmentedControl, Stack, Text } from '@mantine/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import type { ComposeOption } from 'echarts/core';
import { use } from 'echarts/core';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrationStatus } from '../../api/operations';
import { type ChartOption, echarts } from '../reports/echarts';
import { LINK_COLOR, linkName } from './labels';

// The reports' ECharts build (bars, pies) plus lines for the error rate; still loaded only with this chart.
use([LineChart]);

type Option = ComposeOption<LineSeriesOption> & ChartOption;

function tick(at: string, window: '24h' | '7d', language: string): string {
  const d = new Date(at);
  const opts: Intl.DateTimeFormatOptions =
    window === '24h'
      ? { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }
      : { day: '2-digit', month: '2-digit', hour: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' };
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : language, opts).format(d);
}

/** Error rate per bucket and link (lines; gaps where nothing was attempted), over 24 h or 7 days. */
export default function ErrorRateChart({ status }: { status: IntegrationStatus }) {
  const { t, i18n } = useTranslation('operations');
  const [window, setWindow] = useState<'24h' | '7d'>('24h');
  const series = status.series.filter((s) => s.window === window && s.buckets.some((b) => b.attempts > 0));
  const option = useMemo<Option>(() => {
    const axis = (series[0]?.buckets ?? []).map((b) => tick(b.at, window, i18n.language));
    return {
      tooltip: {
        trigger: 'axis',
        confine: true,
        valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '—'),
      },
      legend: { type: 'scroll', top: 0, left: 0, right: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: axis, boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: series.map((s) => ({
        type: 'line',
        name: linkName(t, s.link),
        color: LINK_COLOR[s.link] ?? '#868e96',
        // Most buckets are empty (null): a symbol marks each bucket that had deliveries.
        showSymbol: true,
        symbolSize: 5,
        // On a crowded category axis ECharts would drop symbols ('auto'): an isolated bucket would vanish.
        showAllSymbol: true,
        connectNulls: false,
        step: 'end',
        areaStyle: { opacity: 0.08 },
        data: s.buckets.map((b) => b.errorRate),
      })),
    } as Option;
  }, [series, window, i18n.language, t]);
  return (
    <Stack gap="xs">
      <SegmentedControl
        value={window}
        onChange={(v) => setWindow(v as '24h' | '7d')}
        data={[
          { value: '24h', label: t('chart.24h') },
          { value: '7d', label: t('chart.7d') },
        ]}
        data-testid="error-rate-window"
        style={{ alignSelf: 'flex-start' }}
      />
      {series.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="error-rate-empty">
          {t('chart.empty')}
        </Text>
      ) : (
        <Box data-testid="error-rate-chart" role="img" aria-label={t('chart.title')}>
          <ReactEChartsCore
            echarts={echarts}
            option={option}
            notMerge
            style={{ height: 280, width: '100%' }}
            opts={{ renderer: 'svg' }}
          />
        </Box>
      )}
    </Stack>
  );
}
