import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { findForm, formProcedureCodes } from '../../../domain/forms/registry.ts';

/** Sentence case for a paper form's title ("TỜ KHAI ĐĂNG KÝ KHAI SINH" → "Tờ khai đăng ký khai sinh"). */
function sentence(title: string): string {
  const lower = title.toLocaleLowerCase('vi-VN');
  return lower.charAt(0).toLocaleUpperCase('vi-VN') + lower.slice(1);
}

/**
 * On the intake page: the way to the online queue, and assisted filing — the officer opens the same
 * online form for a citizen who cannot fill it in alone (issue 14 item 5).
 */
export function AssistedFilingCard() {
  const { t } = useTranslation('online');
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} radius="lg" data-testid="assisted-filing">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} fz="lg">
            {t('assistedFiling')}
          </Title>
          <Anchor component={Link} to="/tiep-nhan/truc-tuyen" data-testid="to-online-queue">
            {t('title')}
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed">
          {t('assistedHelp')}
        </Text>
        <Stack component="ul" gap={6} m={0} pl="md">
          {formProcedureCodes().map((code) => (
            <li key={code}>
              <Anchor
                component={Link}
                to={`/tiep-nhan/nop-giup/${encodeURIComponent(code)}`}
                size="sm"
                data-testid={`assisted-${code}`}
              >
                {sentence(findForm(code)?.title ?? code)}
              </Anchor>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
