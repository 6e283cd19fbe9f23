import { Button, Group, Image, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierAttachmentUrl } from '../../api/endpoints';
import type { Dossier } from '../../api/types';
import { IconDownload } from '../../components/icons';

type Attachment = Dossier['attachments'][number];

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1048576).toFixed(1)} MB`
    : `${Math.max(1, Math.ceil(bytes / 1024))} KiB`;
}

function AttachmentRow({ code, file }: { code: string; file: Attachment }) {
  const { t } = useTranslation('online');
  const [preview, setPreview] = useState(false);
  const isImage = file.contentType.startsWith('image/');
  const previewId = `attachment-preview-${file.id}`;
  return (
    <Stack component="li" gap={4} data-testid="attachment-row" data-file={file.id}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {file.fileName}{' '}
        <Text span size="xs">
          ({sizeLabel(file.size)})
        </Text>
      </Text>
      <Group gap="xs">
        <Button
          component="a"
          href={dossierAttachmentUrl(code, file.id, true)}
          target="_blank"
          rel="noopener"
          size="compact-sm"
          variant="light"
          aria-label={`${t('fileOpen')} — ${file.fileName}`}
          data-testid="attachment-open"
        >
          {t('fileOpen')}
        </Button>
        <Button
          component="a"
          href={dossierAttachmentUrl(code, file.id)}
          download={file.fileName}
          size="compact-sm"
          variant="subtle"
          leftSection={<IconDownload size={14} />}
          aria-label={`${t('fileDownload')} — ${file.fileName}`}
          data-testid="attachment-download"
        >
          {t('fileDownload')}
        </Button>
        {isImage ? (
          <Button
            size="compact-sm"
            variant="subtle"
            aria-expanded={preview}
            aria-controls={previewId}
            aria-label={`${preview ? t('fileHidePreview') : t('filePreview')} — ${file.fileName}`}
            onClick={() => setPreview((p) => !p)}
            data-testid="attachment-preview-toggle"
          >
            {preview ? t('fileHidePreview') : t('filePreview')}
          </Button>
        ) : null}
      </Group>
      {isImage && preview ? (
        <Image
          id={previewId}
          src={dossierAttachmentUrl(code, file.id, true)}
          alt={t('filePreviewAlt', { name: file.fileName })}
          maw={320}
          radius="sm"
          fit="contain"
          data-testid="attachment-preview"
        />
      ) : null}
    </Stack>
  );
}

/**
 * The files the applicant attached (online, at the counter, or as a supplement), for the officers of
 * the dossier's commune: open in the browser, download, preview an image. Each opening is audited on
 * the server (GET /api/v1/dossiers/{code}/attachments/{fileId}), so images load only when asked.
 */
export function AttachmentFiles({
  code,
  files,
  testId,
}: {
  code: string;
  files: Attachment[];
  testId?: string;
}) {
  const { t } = useTranslation('online');
  if (files.length === 0) return <Text size="sm">{t('noFiles')}</Text>;
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid={testId}>
      {files.map((f) => (
        <AttachmentRow key={f.id} code={code} file={f} />
      ))}
    </Stack>
  );
}
