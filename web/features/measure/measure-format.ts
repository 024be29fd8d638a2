// Number formats of Measure's points and values, without React, for the staff app and the light entry form.

/** Points with up to two decimals in the current locale. */
export function fmtPoints(value: number | null | undefined, tag: string): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(value);
}

export function fmtValue(value: number | null | undefined, tag: string): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(tag, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value);
}
