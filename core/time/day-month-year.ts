// Dates as Vietnamese officials write them (dd/mm/yyyy), whatever the browser's language: the staff forms
// type and show this, the API takes ISO calendar days.

/** "06/12/2026" (or 6/12/2026, 06-12-2026, 06.12.2026) to "2026-12-06"; null when it is not a real calendar day. */
export function parseDayMonthYear(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-12-06" to "06/12/2026"; anything that is not an ISO calendar day is returned as given. */
export function formatDayMonthYear(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
