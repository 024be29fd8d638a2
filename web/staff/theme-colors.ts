import {
  type CSSVariablesResolver,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

// Mantine's light/subtle/outline variants draw text in shade 6, below WCAG AA on their tinted
// backgrounds; we draw it in shade 9 (or near-black for the yellow family) instead.
const PALE = new Set(['yellow', 'lime', 'orange']);
// Red's shade 9 (#c92a2a) is 4.7:1 on its own tint over white but 4.5 or less on a striped or hovered table
// row; a deeper red keeps overdue badges readable wherever they sit (5.3:1 on the darkest row background).
const DEEP: Record<string, string> = { red: '#b02020' };

/** Mantine's green with a darker shade 9 (#1e6f33): the stock #2b8a3e is 4.4:1 on white, under AA. */
export const contrastSafeGreen: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#37b24d',
  '#2f9e44',
  '#1e6f33',
];
const TINTED = new Set(['light', 'subtle', 'outline']);

export const contrastSafeVariantColors: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  if (!TINTED.has(input.variant)) return base;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return base;
  const text = PALE.has(parsed.color)
    ? 'var(--mantine-color-dark-8)'
    : (DEEP[parsed.color] ?? `var(--mantine-color-${parsed.color}-9)`);
  return { ...base, color: text };
};

// Components that read the *-light-color variables directly (NavLink, Badge) skip the resolver above.
function lightTextVariables(): Record<string, string> {
  const out: Record<string, string> = {
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
  };
  for (const color of [
    'blue',
    'red',
    'green',
    'gray',
    'dark',
    'teal',
    'grape',
    'violet',
    'indigo',
    'cyan',
    'pink',
  ]) {
    out[`--mantine-color-${color}-light-color`] = `var(--mantine-color-${color}-9)`;
  }
  for (const color of PALE) out[`--mantine-color-${color}-light-color`] = 'var(--mantine-color-dark-8)';
  for (const [color, value] of Object.entries(DEEP)) out[`--mantine-color-${color}-light-color`] = value;
  return out;
}

/** Error and dimmed texts one step darker than Mantine's defaults, for AA contrast on white. */
export const contrastSafeCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    ...lightTextVariables(),
  },
  dark: {},
});
