import { Alert, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ComponentProps, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client';
import { IconAlert, IconFile } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useImportStaff } from './use-registers';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 6 * 1024 * 1024;

/** The file's bytes as base64 (no data: prefix), read by the browser. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Imports the staffing register from XLSX, all or nothing; the server's row-numbered errors are listed. */
export function StaffImport({
  unit,
  canImport,
  children,
}: {
  unit: string;
  canImport: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('reports');
  const importStaff = useImportStaff(unit);
  const [failure, setFailure] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  const upload = async (file: File | null) => {
    if (!file) return;
    setFailure(null);
    setLocalError(null);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setLocalError(t('staff.import.notXlsx', { name: file.name }));
      return;
    }
    if (file.size > MAX_BYTES) {
      setLocalError(t('staff.import.tooLarge', { name: file.name }));
      return;
    }
    try {
      const result = await importStaff.mutateAsync(await readAsBase64(file));
      notifications.show({ color: 'teal', message: t('staff.import.done', { count: result.imported }) });
    } catch (error) {
      setFailure(error);
    }
  };

  const rowErrors = isApiProblem(failure) ? failure.errors : [];

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        {children}
        {canImport ? (
          <FileButton
            onChange={(file) => void upload(file)}
            accept={`${XLSX_TYPE},.xlsx`}
            inputProps={{ 'data-testid': 'staff-import-input' } as ComponentProps<'input'>}
          >
            {(props) => (
              <Button
                {...props}
                variant="default"
                size="sm"
                leftSection={<IconFile size={16} />}
                loading={importStaff.isPending}
                data-testid="staff-import-button"
              >
                {t('staff.import.button')}
              </Button>
            )}
          </FileButton>
        ) : null}
      </Group>
      {localError || failure ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlert />}
          title={t('staff.import.failed')}
          data-testid="staff-import-errors"
          role="alert"
          w="100%"
        >
          {localError ? <Text size="sm">{localError}</Text> : null}
          {rowErrors.length > 0 ? (
            <>
              <Text size="sm" mb={4}>
                {t('staff.import.nothingImported', { count: rowErrors.length })}
              </Text>
              <List size="sm" spacing={2} mah={260} style={{ overflowY: 'auto' }}>
                {rowErrors.map((e) => (
                  <List.Item key={`${e.path}|${e.message}`} data-testid="staff-import-error">
                    {e.message}
                  </List.Item>
                ))}
              </List>
            </>
          ) : failure ? (
            <ProblemAlert error={failure} />
          ) : null}
          <Group mt="xs">
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => {
                setFailure(null);
                setLocalError(null);
              }}
            >
              {t('staff.import.dismiss')}
            </Button>
          </Group>
        </Alert>
      ) : null}
    </Stack>
  );
}
