import { describe, expect, it } from 'vitest';
import {
  bodyParagraph,
  buildAdminDocument,
  VN_MOTTO,
  VN_MOTTO_SUB,
  vietnameseDateWords,
} from '../../../lib/docx-admin.js';
import { unzip } from './exports.test-helpers.js';
import { issuerOf, placeOf } from './report-docx.issuer.js';

describe('vietnameseDateWords', () => {
  it('uses the Vietnam calendar day and pads days below 10 and months 1–2 (Decree 30)', () => {
    // 17:30 UTC on 4 Jan is already 5 Jan in Hà Nội.
    expect(vietnameseDateWords(new Date('2026-01-04T17:30:00Z'))).toBe('ngày 05 tháng 01 năm 2026');
    expect(vietnameseDateWords(new Date('2026-11-21T03:00:00Z'))).toBe('ngày 21 tháng 11 năm 2026');
    expect(vietnameseDateWords(new Date('2026-03-09T03:00:00Z'))).toBe('ngày 09 tháng 3 năm 2026');
  });
});

describe('report issuer', () => {
  const unit = (name: string, type: string, level: number) => ({
    id: 1,
    code: 'X',
    name,
    type,
    kind: 'admin',
    level,
  });
  it('derives the issuing body and place from the root unit, not a fixed province', () => {
    expect(placeOf('Thành phố Hải Phòng')).toBe('Hải Phòng');
    expect(issuerOf(unit('Tỉnh Lào Cai', 'province', 1), {})).toMatchObject({
      parentBody: 'UBND TỈNH LÀO CAI',
      issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      symbol: 'BC-SKHCN',
      place: 'Lào Cai',
    });
    expect(issuerOf(unit('Xã Đại Phúc', 'commune', 2), { symbol: 'BC-BCĐ' })).toMatchObject({
      parentBody: '',
      issuer: 'ỦY BAN NHÂN DÂN XÃ ĐẠI PHÚC',
      symbol: 'BC-BCĐ',
      place: 'Đại Phúc',
      signerTitle: 'CHỦ TỊCH',
    });
  });
});

describe('buildAdminDocument', () => {
  it('packs a DOCX (zip) with A4 Decree 30 margins', async () => {
    const buffer = await buildAdminDocument({
      parentBody: 'UBND TỈNH LÀO CAI',
      issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      numberLine: 'Số: …/CV-SKHCN',
      placeDateLine: 'Lào Cai, ngày 05 tháng 01 năm 2026',
      kind: 'CÔNG VĂN',
      summary: 'V/v đôn đốc thực hiện nhiệm vụ',
      body: [bodyParagraph('Nội dung.')],
      recipients: ['Như trên', 'Lưu: VT'],
      signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn B' },
    });
    const xml = unzip(buffer).get('word/document.xml')?.toString('utf8') ?? '';
    // A4 is 210 × 297 mm; margins top/bottom 20 mm, left 30 mm, right 15 mm, in twips (1 mm = 56.7).
    expect(xml).toMatch(/<w:pgSz w:w="11907" w:h="16840"/);
    expect(xml).toMatch(/w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`${VN_MOTTO}${VN_MOTTO_SUB}`);
    expect(text).toContain('Số: …/CV-SKHCN');
    expect(text).toContain('Nơi nhận:- Như trên;- Lưu: VT;KT. GIÁM ĐỐCPHÓ GIÁM ĐỐCNguyễn Văn B');
  });
});
