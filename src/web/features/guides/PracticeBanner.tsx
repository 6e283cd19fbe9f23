import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isPracticeMode, setPracticeMode } from './practice-mode';

/** Always on screen while practising: nothing done here touches real dossiers. */
export function PracticeBanner() {
  const { t } = useTranslation('guides');
  if (!isPracticeMode()) return null;
  return (
    <Paper bg="yellow.2" p="xs" radius={0} data-testid="practice-banner" role="status">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={700} size="sm" c="dark.8">
          {t('banner.text')}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="white"
            onClick={() => setPracticeMode(true, '/luyen-tap')}
            data-testid="practice-back"
          >
            {t('banner.back')}
          </Button>
          <Button
            size="xs"
            color="dark"
            onClick={() => setPracticeMode(false, '/luyen-tap')}
            data-testid="practice-leave"
          >
            {t('banner.leave')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
