import { em } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** True below Mantine's `sm` breakpoint, read synchronously so lists render one layout only. */
export function useIsMobile(): boolean {
  return useMediaQuery(`(max-width: ${em(767.98)})`, false, { getInitialValueInEffect: false }) ?? false;
}
