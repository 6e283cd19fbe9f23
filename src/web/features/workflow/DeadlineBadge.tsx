import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeadlineState, Timeliness } from '../../api/types';
import { DEADLINE_COLORS, TIMELINESS_COLORS } from './workflow-model';

interface DeadlineBadgeProps extends Omit<BadgeProps, 'color' | 'children'> {
  state: DeadlineState | null;
  /** Shown instead when processing has ended (result issued, stopped). */
  timeliness?: Timeliness | null;
  testId?: string;
}

/** Green while on track, orange when due within a working day, red when overdue. */
export function DeadlineBadge({ state, timeliness, testId, ...rest }: DeadlineBadgeProps) {
  const { t } = useTranslation('workflow');
  if (state) {
    return (
      <Badge
        color={DEADLINE_COLORS[state]}
        variant="light"
        radius="sm"
        data-testid={testId}
        data-state={state}
        {...rest}
      >
        {t(`deadline.${state}`)}
      </Badge>
    );
  }
  if (timeliness) {
    return (
      <Badge
        color={TIMELINESS_COLORS[timeliness]}
        variant="outline"
        radius="sm"
        data-testid={testId}
        data-state={timeliness}
        {...rest}
      >
        {t(`timeliness.${timeliness}`)}
      </Badge>
    );
  }
  return null;
}
