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

/** Masks free text: 12-digit ids and Vietnamese phone numbers wherever they appear. */
export function maskText(text: string): string {
  return text
    .replace(/\b\d{12}\b/g, (m) => maskCccd(m))
    .replace(/(?:\+84|\b0)(?:[\s.-]?\d){9}\b/g, (m) => maskPhone(m));
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
