import { Box, Group, Stack, Text } from '@mantine/core';
import { useNumberFormat } from './format';

export interface CountItem {
  key: string;
  label: string;
  count: number;
  /** Overrides the list's colour for this line (e.g. the line's colour in a chart). */
  color?: string;
}

interface CountListProps {
  items: CountItem[];
  /** Test id of each line; `data-code` carries the item key. */
  itemTestId: string;
  /** What the bars are a share of (defaults to the sum of the items). */
  total?: number;
  color?: string;
  emptyText?: string;
}

/** Labelled counts with a proportional bar: readable at any width, no chart library needed. */
export function CountList({ items, itemTestId, total, color = 'brand.6', emptyText }: CountListProps) {
  const n = useNumberFormat();
  const base = total ?? items.reduce((sum, item) => sum + item.count, 0);
  if (items.length === 0 && emptyText) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <Stack gap={8}>
      {items.map((item) => (
        <Box key={item.key} data-testid={itemTestId} data-code={item.key}>
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {item.label}
            </Text>
            <Text size="sm" fw={700} data-testid={`${itemTestId}-count`} style={{ flex: 'none' }}>
              {n.count(item.count)}
            </Text>
          </Group>
          <Box h={4} mt={3} bg="gray.2" style={{ borderRadius: 2, overflow: 'hidden' }}>
            <Box
              h="100%"
              bg={item.color ?? color}
              w={`${base ? Math.min(100, (item.count / base) * 100) : 0}%`}
              style={{ borderRadius: 2 }}
            />
          </Box>
        </Box>
      ))}
    </Stack>
  );
}
