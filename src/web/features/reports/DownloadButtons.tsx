import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { registerReportExportUrl, settlementExportUrl } from '../../api/endpoints';
import type { ReportFormat, ReportGroupBy } from '../../api/types';
import { IconDownload } from '../../components/icons';
import type { PeriodChoice } from './report-period';

type DownloadButtonsProps = { unit: string; disabled?: boolean } & (
  | { report?: 'settlement'; period: PeriodChoice; groupBy: ReportGroupBy }
  | { report: 'consultations'; period: PeriodChoice }
  | { report: 'staffing' | 'equipment' }
);

/**
 * A report as XLSX and PDF, computed by the server from the same facts as the screen: Biểu II.06a
 * (the default, test ids `download-xlsx` / `download-pdf`) or the staffing, consultations and
 * equipment reports (`<report>-download-xlsx` / `<report>-download-pdf`).
 */
export function DownloadButtons(props: DownloadButtonsProps) {
  const { t } = useTranslation('reports');
  const { unit, disabled } = props;
  const report = props.report ?? 'settlement';
  const href = (format: ReportFormat) => {
    if (props.report === undefined || props.report === 'settlement') {
      return settlementExportUrl(
        { unit, from: props.period.from, to: props.period.to, groupBy: props.groupBy },
        format,
      );
    }
    if (props.report === 'consultations') {
      return registerReportExportUrl(
        'consultations',
        { unit, from: props.period.from, to: props.period.to },
        format,
      );
    }
    return registerReportExportUrl(props.report, { unit }, format);
  };
  const testId = (format: ReportFormat) =>
    report === 'settlement' ? `download-${format}` : `${report}-download-${format}`;
  const title = t(`${report}.title`);
  const common = {
    component: 'a' as const,
    size: 'sm' as const,
    variant: 'default' as const,
    leftSection: <IconDownload size={16} />,
    'data-disabled': disabled || undefined,
    style: disabled ? { pointerEvents: 'none' as const } : undefined,
  };
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        {...common}
        href={href('xlsx')}
        download
        aria-label={t('download.xlsxOf', { title })}
        data-testid={testId('xlsx')}
      >
        {t('settlement.downloadXlsx')}
      </Button>
      <Button
        {...common}
        href={href('pdf')}
        target="_blank"
        rel="noopener"
        aria-label={t('download.pdfOf', { title })}
        data-testid={testId('pdf')}
      >
        {t('settlement.downloadPdf')}
      </Button>
    </Group>
  );
}
