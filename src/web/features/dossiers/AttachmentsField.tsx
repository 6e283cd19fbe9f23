import { Button, CloseButton, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { IconPaperclip } from '../../components/icons';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './intake-form';

interface AttachmentsFieldProps {
  files: File[];
  onChange: (files: File[]) => void;
  error: string | null;
  onError: (message: string | null) => void;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Scanned documents (PDF/JPEG/PNG), at most 5 files of 5 MB each, checked before upload. */
export function AttachmentsField({ files, onChange, error, onError }: AttachmentsFieldProps) {
  const { t } = useTranslation();

  const add = (picked: File[]) => {
    const problems: string[] = [];
    const accepted: File[] = [];
    for (const file of picked) {
      if (!ATTACHMENT_TYPES.includes(file.type as (typeof ATTACHMENT_TYPES)[number])) {
        problems.push(t('intake.attachments.badType', { name: file.name }));
      } else if (file.size > MAX_ATTACHMENT_BYTES) {
        problems.push(t('intake.attachments.tooLarge', { name: file.name }));
      } else {
        accepted.push(file);
      }
    }
    const room = MAX_ATTACHMENTS - files.length;
    if (accepted.length > room) problems.push(t('intake.attachments.tooMany', { max: MAX_ATTACHMENTS }));
    onChange([...files, ...accepted.slice(0, Math.max(room, 0))]);
    onError(problems.length > 0 ? problems.join(' ') : null);
  };

  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <FileButton
          multiple
          accept={ATTACHMENT_TYPES.join(',')}
          onChange={add}
          disabled={files.length >= MAX_ATTACHMENTS}
          inputProps={{ 'data-testid': 'intake-attachments-input' } as ComponentProps<'input'>}
        >
          {(props) => (
            <Button
              {...props}
              variant="default"
              leftSection={<IconPaperclip size={16} />}
              disabled={files.length >= MAX_ATTACHMENTS}
              data-testid="intake-attachments-button"
            >
              {t('intake.attachments.add')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('intake.attachments.hint', { max: MAX_ATTACHMENTS })}
        </Text>
      </Group>
      {files.length > 0 ? (
        <Stack gap={4} data-testid="intake-attachments-list">
          {files.map((file, index) => (
            <Paper key={`${file.name}-${file.size}-${file.lastModified}`} px="sm" py={6} radius="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" truncate="end" style={{ minWidth: 0 }}>
                  {file.name}{' '}
                  <Text span size="xs" c="dimmed">
                    ({formatSize(file.size)})
                  </Text>
                </Text>
                <CloseButton
                  size="sm"
                  aria-label={t('intake.attachments.remove', { name: file.name })}
                  onClick={() => {
                    onChange(files.filter((_, i) => i !== index));
                    onError(null);
                  }}
                />
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : null}
      {error ? (
        <Text size="sm" c="red.7" role="alert" data-testid="intake-attachments-error">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
