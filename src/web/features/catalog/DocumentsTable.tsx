import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureDocument } from '../../api/types';
import { useIsMobile } from '../../components/use-is-mobile';

/** Required dossier components with how many originals, certified copies and photocopies to bring. */
export function DocumentsTable({ documents }: { documents: ProcedureDocument[] }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();

  if (documents.length === 0) return <Text c="dimmed">{t('procedure.noDocuments')}</Text>;

  if (isMobile) {
    return (
      <Stack gap="xs" data-testid="procedure-documents">
        {documents.map((document, index) => (
          <Card key={document.id} padding="sm" radius="md">
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <Text fw={700} c="dimmed" w={20}>
                {index + 1}
              </Text>
              <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm">{document.name}</Text>
                <Text size="xs" c="dimmed">
                  {t('procedure.originals')}: <b>{document.originals}</b> · {t('procedure.certifiedCopies')}:{' '}
                  <b>{document.certifiedCopies}</b> · {t('procedure.photocopies')}:{' '}
                  <b>{document.photocopies}</b>
                </Text>
                <Badge size="xs" variant="light" color={document.required ? 'brand' : 'gray'} w="fit-content">
                  {t(document.required ? 'procedure.required' : 'procedure.optional')}
                </Badge>
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="procedure-documents">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={48}>{t('catalog.colNo')}</Table.Th>
          <Table.Th>{t('procedure.documentName')}</Table.Th>
          <Table.Th w={96} ta="center">
            {t('procedure.originals')}
          </Table.Th>
          <Table.Th w={120} ta="center">
            {t('procedure.certifiedCopies')}
          </Table.Th>
          <Table.Th w={96} ta="center">
            {t('procedure.photocopies')}
          </Table.Th>
          <Table.Th w={130} ta="center">
            {t('procedure.requiredColumn')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {documents.map((document, index) => (
          <Table.Tr key={document.id}>
            <Table.Td>{index + 1}</Table.Td>
            <Table.Td>{document.name}</Table.Td>
            <Table.Td ta="center">{document.originals}</Table.Td>
            <Table.Td ta="center">{document.certifiedCopies}</Table.Td>
            <Table.Td ta="center">{document.photocopies}</Table.Td>
            <Table.Td ta="center">
              {document.required ? (
                <Badge size="sm" variant="light" color="brand">
                  {t('procedure.required')}
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('procedure.optional')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
