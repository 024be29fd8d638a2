// Personal data (Decree 13/2023/NĐ-CP; Personal Data Protection Law 2025) is masked in public views,
// logs and the audit log: CCCD (12-digit citizen id) and phone numbers keep only their last digits.

const PERSONAL_KEYS = /^(cccd|citizenId|idNumber|phone|phoneNumber|mobile)$/i;

export function maskCccd(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length <= 3
    ? '*'.repeat(digits.length)
    : `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`;
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length <= 3) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(Math.max(0, digits.length - 6))}${digits.slice(-3)}`;
}

// People write a CCCD in groups ("0012 3456 7890", "001.234.567.890") and a phone with or without the
// country code's "+" ("+84 912…", "84912…", "0912…"): one separator (space, dot, dash) between digits.
const CCCD_IN_TEXT = /\b\d(?:[ .-]?\d){11}\b/g;
const PHONE_IN_TEXT = /(?:\+84|\b84|\b0)(?:[ .-]?\d){9}\b/g;

/** Masks free text: 12-digit ids and Vietnamese phone numbers wherever they appear. */
export function maskText(text: string): string {
  return text.replace(CCCD_IN_TEXT, (m) => maskCccd(m)).replace(PHONE_IN_TEXT, (m) => maskPhone(m));
}

export function maskPersonalData(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => {
        if (typeof v === 'string' && PERSONAL_KEYS.test(k))
          return [k, /phone|mobile/i.test(k) ? maskPhone(v) : maskCccd(v)];
        return [k, maskPersonalData(v)];
      }),
    );
  }
  return value;
}
