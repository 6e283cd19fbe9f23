import { Badge, createTheme, type MantineColorsTuple } from '@mantine/core';

// The red and gold of Vietnamese public-service signage, toned for long reading at a counter.
const brand: MantineColorsTuple = [
  '#ffebee',
  '#fcd4d6',
  '#f4a6aa',
  '#ed757b',
  '#e74c54',
  '#e3333c',
  '#e1252f',
  '#c81823',
  '#b3111e',
  '#9d0017',
];

const gold: MantineColorsTuple = [
  '#fff9e0',
  '#fff0ca',
  '#ffdf99',
  '#ffce62',
  '#ffbf36',
  '#ffb618',
  '#ffb102',
  '#e39b00',
  '#ca8900',
  '#af7500',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 8, dark: 6 },
  colors: { brand, gold },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji"',
  fontFamilyMonospace:
    'ui-monospace, "SF Mono", "Cascadia Mono", "Roboto Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  headings: {
    fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    fontWeight: '700',
  },
  components: {
    Paper: { defaultProps: { withBorder: true } },
    Card: { defaultProps: { withBorder: true } },
    // Upper-cased Vietnamese loses legibility (stacked diacritics); badges keep sentence case.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
});
