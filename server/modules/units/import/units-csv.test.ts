import { describe, expect, it } from 'vitest';
import { CSV_MAX_CHARS, CsvFormatError, readCsv } from './units-csv.js';

// Issue 8, finding 6 (imports): a CSV cell holding a control character (U+0000 cannot be stored by
// PostgreSQL) is refused with its line and column; tab stays allowed inside quoted text.

describe('readCsv', () => {
  it('refuses a control character, naming the line and column', () => {
    const text = 'code,name,type\n01,Xã A,commune\n02,"Xã\u0000 B",commune\n';
    expect(() => readCsv(text, ['code', 'name'])).toThrow(CsvFormatError);
    expect(() => readCsv(text, ['code', 'name'])).toThrow(
      'line 3: column name holds the control character U+0000',
    );
    expect(() => readCsv('code,name\n01,"x\u001By"\n', ['code'])).toThrow(/U\+001B/);
  });

  it('keeps tab and line breaks inside quoted text', () => {
    const { rows } = readCsv('code,name\n01,"Xã\tA\nB"\n', ['code', 'name']);
    expect(rows[0].values.name).toBe('Xã\tA\nB');
  });

  it('refuses text larger than the cap before parsing', () => {
    const big = { length: CSV_MAX_CHARS + 1 } as unknown as string;
    expect(() => readCsv(big, ['code'])).toThrow('the file is larger than 50 MB');
  });
});
