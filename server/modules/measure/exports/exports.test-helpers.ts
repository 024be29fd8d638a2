import { inflateRawSync } from 'node:zlib';
import type { LoggedIn } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { caller, createOpenPeriod } from '../measure-test-fixtures.js';

// Test helpers for the exports: a published period with known numbers, and a tiny zip reader
// (DOCX and xlsx are zip files; reading the central directory avoids adding a package).

/** Entries of a zip archive by name (stored or deflated). */
export function unzip(buffer: Buffer): Map<string, Buffer> {
  let eocd = buffer.length - 22;
  while (eocd >= 0 && buffer.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(p + 10);
    const compressedSize = buffer.readUInt32LE(p + 20);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const localOffset = buffer.readUInt32LE(p + 42);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
    const localData =
      localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const data = buffer.subarray(localData, localData + compressedSize);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/**
 * A published period over communes A and B (the journey's numbers): A = 10 + 32 + 10 + 20 = 72 of 100
 * (the appraiser lowered C1 from 15 to 10), B = 20 + 40 + 0 = 60 of 80 (C4 not applicable).
 */
export async function publishedPeriod(
  t: TestApp,
  units: UnitTree,
  who: { secretariat: LoggedIn; officerA: LoggedIn; officerB: LoggedIn },
  { year = 2025, chooseB = 'none' } = {},
): Promise<{ periodId: number; frameworkId: number }> {
  const call = caller(t);
  const { periodId, frameworkId } = await createOpenPeriod(t, who.secretariat, units.province, { year });
  const sub = (unitId: number, rest = '') =>
    `/api/measure/periods/${periodId}/units/${unitId}/submission${rest}`;
  const enter = async (officer: LoggedIn, unitId: number, values: unknown) => {
    const steps = [
      await call(officer, 'PUT', sub(unitId, '/values'), { values }),
      await call(officer, 'POST', sub(unitId, '/evidence'), {
        componentCode: 'C1',
        document: { number: '12/BB-UBND', date: '2025-12-20', title: 'Biên bản họp' },
      }),
      await call(officer, 'POST', sub(unitId, '/submit')),
    ];
    for (const s of steps) if (s.statusCode >= 300) throw new Error(s.body);
  };
  await enter(who.officerA, units.communeA, {
    C1: { number: 3 },
    C2: { numerator: 40, denominator: 50 },
    C3: { choice: 'deputy' },
    C4: { bool: true },
  });
  await enter(who.officerB, units.communeB, {
    C1: { number: 4 },
    C2: { numerator: 50, denominator: 50 },
    C3: { choice: chooseB },
    C4: { notApplicable: true, reason: 'Xã không có đơn vị sự nghiệp công lập' },
  });
  const appr = (unitId: number, rest = '') =>
    `/api/measure/periods/${periodId}/units/${unitId}/appraisal${rest}`;
  const steps = [
    await call(who.secretariat, 'PUT', appr(units.communeA), {
      components: { C1: { points: 10, comment: 'Chỉ 2 biên bản họp hợp lệ' } },
    }),
    await call(who.secretariat, 'POST', appr(units.communeA, '/approve')),
    await call(who.secretariat, 'POST', appr(units.communeB, '/approve')),
    await call(who.secretariat, 'POST', `/api/measure/periods/${periodId}/publish`),
  ];
  for (const s of steps) if (s.statusCode >= 300) throw new Error(s.body);
  return { periodId, frameworkId };
}
