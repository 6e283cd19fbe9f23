import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DossierDocument, dossierDocumentUrl } from '../../api/endpoints';
import { IconDownload } from '../../components/icons';

/** Links to the dossier's official PDFs that exist in its current state. */
export function DossierDocuments({ code, documents }: { code: string; documents: DossierDocument[] }) {
  const { t } = useTranslation('workflow');
  return (
    <Paper p={{ base: 'sm', sm: 'md' }} radius="lg" data-testid="dossier-documents">
      <Title order={2} fz="md" mb="sm">
        {t('documents.title')}
      </Title>
      {documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('documents.none')}
        </Text>
      ) : (
        <Stack gap={6}>
          {documents.map((document) => (
            <Anchor
              key={document}
              href={dossierDocumentUrl(code, document)}
              target="_blank"
              rel="noopener"
              size="sm"
              data-testid={`doc-link-${document}`}
            >
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconDownload size={16} style={{ flex: 'none', marginTop: 2 }} />
                <span>{t(`documents.${document}`)}</span>
              </Group>
            </Anchor>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
