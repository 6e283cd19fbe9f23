import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { settlementExportUrl } from '../../api/endpoints';
import type { ReportGroupBy } from '../../api/types';
import { IconDownload } from '../../components/icons';
import type { PeriodChoice } from './report-period';

interface DownloadButtonsProps {
  unit: string;
  period: PeriodChoice;
  groupBy: ReportGroupBy;
  disabled?: boolean;
}

/** Biểu II.06a as XLSX and PDF, computed by the server from the same facts as the screen. */
export function DownloadButtons({ unit, period, groupBy, disabled }: DownloadButtonsProps) {
  const { t } = useTranslation('reports');
  const query = { unit, from: period.from, to: period.to, groupBy };
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
      <Button {...common} href={settlementExportUrl(query, 'xlsx')} download data-testid="download-xlsx">
        {t('settlement.downloadXlsx')}
      </Button>
      <Button
        {...common}
        href={settlementExportUrl(query, 'pdf')}
        target="_blank"
        rel="noopener"
        data-testid="download-pdf"
      >
        {t('settlement.downloadPdf')}
      </Button>
    </Group>
  );
}
