// Registration checks of the thể lệ's fields: the CCCD's structure (12 digits: province code 001–096, a
// century-and-gender digit, the last two digits of the birth year, six serial digits) and a Vietnamese mobile.

export type CccdProblem = 'format' | 'province' | 'birth_mismatch';

/** 0/1: 1900s male/female, 2/3: 2000s, 4/5: 2100s, 6/7: 2200s, 8/9: 1800s. */
function centuryOf(digit: number): { century: number; gender: 'male' | 'female' } {
  const centuries = [1900, 2000, 2100, 2200, 1800];
  return { century: centuries[Math.floor(digit / 2)], gender: digit % 2 === 0 ? 'male' : 'female' };
}

export function checkCccd(
  value: string,
  person: { birthDate?: string | null; gender?: 'male' | 'female' | 'other' | null } = {},
): CccdProblem | null {
  if (!/^\d{12}$/.test(value)) return 'format';
  const province = Number(value.slice(0, 3));
  if (province < 1 || province > 96) return 'province';
  const { century, gender } = centuryOf(Number(value[3]));
  const year = century + Number(value.slice(4, 6));
  if (person.birthDate && Number(person.birthDate.slice(0, 4)) !== year) return 'birth_mismatch';
  if (person.gender && person.gender !== 'other' && person.gender !== gender) return 'birth_mismatch';
  return null;
}

/** A Vietnamese mobile: 0 or +84 then 9 digits starting 3, 5, 7, 8 or 9. Returns the 0-form or null. */
export function normalisePhone(value: string): string | null {
  const digits = value.replace(/[\s.-]/g, '');
  const m = /^(?:\+84|84|0)([35789]\d{8})$/.exec(digits);
  return m ? `0${m[1]}` : null;
}

/** Age in whole years on a date ('YYYY-MM-DD'). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** How a name shows on a public board: "Nguyễn Văn An" → "Nguyễn V. A." (family name, initials). */
export function maskName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return parts[0] ? `${parts[0][0]}.` : '';
  return [parts[0], ...parts.slice(1).map((p) => `${p[0]}.`)].join(' ');
}
