import { useMediaQuery } from './lite/ui';

/** True below 768 px (Mantine's `sm`), read synchronously so lists render one layout only. */
export function useIsMobile(): boolean {
  return useMediaQuery('(max-width: 47.99em)');
}
