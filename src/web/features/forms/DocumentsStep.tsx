import { Badge, Button, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureDocument } from '../../api/types';
import { blobToDataUrl, downscaleImage } from './downscale';
import { FORMS_NS } from './strings';

export type DocumentPhotos = Record<string, { fileName: string; dataUrl: string }>;

export type DocumentState = 'done' | 'missing' | 'optional' | 'thisForm';

export function documentState(
  doc: ProcedureDocument,
  photos: DocumentPhotos,
  formDocumentId?: string,
): DocumentState {
  if (doc.id === formDocumentId) return 'thisForm';
  if (photos[doc.id]) return 'done';
  return doc.required ? 'missing' : 'optional';
}

const BADGE: Record<DocumentState, { color: string; key: string }> = {
  done: { color: 'teal', key: 'docDone' },
  thisForm: { color: 'teal', key: 'docDone' },
  missing: { color: 'red', key: 'docMissing' },
  optional: { color: 'gray', key: 'docOptional' },
};

function DocumentRow({
  doc,
  state,
  photo,
  onPhoto,
}: {
  doc: ProcedureDocument;
  state: DocumentState;
  photo?: { fileName: string; dataUrl: string };
  onPhoto: (photo: { fileName: string; dataUrl: string }) => void;
}) {
  const { t } = useTranslation(FORMS_NS);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const refocus = useRef(false);
  const badge = BADGE[state];
  const inputId = `doc-${doc.id}`;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setFailed(false);
    try {
      const small = await downscaleImage(file);
      onPhoto({ fileName: `${doc.id}.jpg`, dataUrl: await blobToDataUrl(small) });
    } catch {
      setFailed(true);
    } finally {
      // The button is disabled while the photo is shrunk, which drops the keyboard focus on the page:
      // the effect below gives it back to the button (now "take again") once React has enabled it
      // again (e2e/wizard-keyboard.spec.ts). A requestAnimationFrame here raced the re-render.
      refocus.current = true;
      setBusy(false);
    }
  };

  useEffect(() => {
    if (busy || !refocus.current) return;
    refocus.current = false;
    if (document.activeElement === document.body || document.activeElement === null) button.current?.focus();
  }, [busy]);

  return (
    <Paper withBorder radius="md" p="sm" data-testid={inputId} data-state={state}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={500}>
            {doc.name}
          </Text>
          <Badge color={badge.color} variant="light" style={{ flex: 'none' }}>
            {t(badge.key)}
          </Badge>
        </Group>
        {state === 'thisForm' ? (
          <Text size="sm" c="dimmed">
            {t('docThisForm')}
          </Text>
        ) : (
          <>
            {photo ? (
              <Image
                src={photo.dataUrl}
                alt={t('photoOf', { name: doc.name })}
                h={96}
                w="auto"
                fit="contain"
              />
            ) : null}
            <input
              ref={input}
              id={inputId}
              type="file"
              accept="image/*"
              capture="environment"
              hidden
              onChange={(e) => {
                void onFile(e.currentTarget.files?.[0]);
                e.currentTarget.value = '';
              }}
            />
            <Button
              ref={button}
              variant="light"
              loading={busy}
              onClick={() => input.current?.click()}
              aria-describedby={failed ? `${inputId}-error` : undefined}
            >
              {photo ? t('retakePhoto') : t('takePhoto')}
            </Button>
            {failed ? (
              <Text id={`${inputId}-error`} c="red.8" size="sm">
                {t('photoFailed')}
              </Text>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Each document of the procedure, shown as done or missing, taken with the phone camera. */
export function DocumentsStep({
  documents,
  photos,
  formDocumentId,
  onChange,
}: {
  documents: ProcedureDocument[];
  photos: DocumentPhotos;
  formDocumentId?: string;
  onChange: (next: DocumentPhotos) => void;
}) {
  const { t } = useTranslation(FORMS_NS);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('documentsHelp')}</Text>
      {documents.map((doc) => (
        <DocumentRow
          key={doc.id}
          doc={doc}
          state={documentState(doc, photos, formDocumentId)}
          photo={photos[doc.id]}
          onPhoto={(photo) => onChange({ ...photos, [doc.id]: photo })}
        />
      ))}
    </Stack>
  );
}
