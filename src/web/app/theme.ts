import {
  Badge,
  createTheme,
  DEFAULT_THEME,
  darken,
  defaultVariantColorsResolver,
  luminance,
  type MantineColorsTuple,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

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

/**
 * WCAG 1.4.3 on the staff pages: Mantine writes light, subtle and outline variants (badges, buttons)
 * in shade 6–7 of their colour on a pale tint of it, below 4.5:1 for orange, green, teal, yellow and
 * on hover (axe colour-contrast; e2e/accessibility.spec.ts). Their text takes shade 9 darkened a
 * quarter, 4.5:1 or better on the tint for every palette.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'subtle' && input.variant !== 'outline') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  const shades = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!shades) return colors;
  const text = darken(shades[9], 0.25);
  return {
    ...colors,
    color: text,
    hoverColor: text,
    ...(input.variant === 'outline' ? { border: `1px solid ${text}` } : {}),
  };
};

/**
 * Text in a signal colour (overdue red, backlog orange, on-time teal, yellow) on the white or striped
 * rows of the staff tables: shade 9 of the palette when it keeps 4.5:1 on a hovered row (gray.1),
 * otherwise shade 9 darkened a quarter like the variants above (WCAG 1.4.3; axe colour-contrast).
 */
export function ink(color: 'red' | 'orange' | 'yellow' | 'teal' | 'green' | 'gray'): string {
  const shade = DEFAULT_THEME.colors[color][9];
  const contrast = (luminance(DEFAULT_THEME.colors.gray[1]) + 0.05) / (luminance(shade) + 0.05);
  return contrast >= 4.5 ? shade : darken(shade, 0.25);
}

export const theme = createTheme({
  variantColorResolver,
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
