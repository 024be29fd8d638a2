import { describe, expect, it } from 'vitest';
import type { SubmissionView } from '../../../core/contracts/measure.js';
import type { Component, UnitResult } from '../../../core/contracts/measure-framework.js';
import { ApiError } from '../../lib/api-client.js';
import { entryText } from './entry-i18n.js';
import {
  appraisalCut,
  entryBanner,
  isNotPublished,
  notPublishedText,
  refusedItems,
  savedAtLabel,
  withoutSaved,
} from './entry-status.js';

const score = (points: number) => ({ total: { points } }) as unknown as UnitResult;
type Row = SubmissionView['components'][number];
const row = (code: string, over: Partial<Row> = {}): Row => ({
  code,
  value: null,
  selfPoints: null,
  appraisedValue: null,
  appraisedPoints: null,
  appraisalComment: null,
  needsFix: false,
  evidence: [],
  updatedAt: null,
  ...over,
});
const view = (over: Partial<SubmissionView>): SubmissionView => ({
  id: 1,
  periodId: 1,
  unitId: 2,
  unitName: 'Phan Đình Phùng',
  status: 'draft',
  round: 1,
  returnComment: null,
  submittedAt: null,
  approvedAt: null,
  reopenedAt: null,
  components: [],
  selfScore: score(60.54),
  appraisedScore: null,
  actions: { canEdit: true, canSubmit: true, canAppraise: false },
  ...over,
});

describe('entryBanner', () => {
  it('says the appraised total once approved, not the self score, in Vietnamese number format', () => {
    const b = entryBanner(view({ status: 'approved', appraisedScore: score(60.04) }));
    expect(b).toEqual({ kind: 'approved', points: 60.04, selfPoints: 60.54 });
    const points = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(60.04);
    expect(entryText('vi', 'e.banner.approved', { points })).toBe('Đã được duyệt: 60,04 điểm');
  });

  it('lists the items to fix of a returned submission and counts them in words', () => {
    const b = entryBanner(
      view({
        status: 'returned',
        returnComment: 'Bổ sung số liệu',
        components: [row('X.NT.1'), row('X.NT.2', { needsFix: true }), row('X.NT.4', { needsFix: true })],
      }),
    );
    expect(b).toEqual({ kind: 'returned', comment: 'Bổ sung số liệu', toFix: ['X.NT.2', 'X.NT.4'] });
    expect(entryText('vi', 'e.banner.returned', { n: 2 })).toBe('Bị trả lại: 2 mục cần sửa');
    expect(entryText('en', 'e.banner.returned', { n: 1 })).toBe('Returned: 1 item to fix');
  });

  it('names the draft and the waiting states', () => {
    expect(entryBanner(view({}))).toEqual({ kind: 'draft', editable: true });
    expect(entryBanner(view({ actions: { canEdit: false, canSubmit: false, canAppraise: false } }))).toEqual({
      kind: 'draft',
      editable: false,
    });
    expect(entryBanner(view({ status: 'submitted' }))).toEqual({ kind: 'submitted' });
    expect(entryText('vi', 'e.banner.submitted')).toBe('Đang chờ thẩm định');
    expect(entryText('vi', 'e.banner.draft')).toBe('Bản nháp');
  });
});

describe('appraisalCut', () => {
  it('shows self vs appraised points only when they differ', () => {
    expect(appraisalCut(row('X.NT.4', { selfPoints: 1.5, appraisedPoints: 1 }))).toEqual({
      self: 1.5,
      appraised: 1,
    });
    expect(appraisalCut(row('X.NT.4', { selfPoints: 1.5, appraisedPoints: 1.5 }))).toBeNull();
    expect(appraisalCut(row('X.NT.4', { selfPoints: 1.5 }))).toBeNull();
    expect(appraisalCut(undefined)).toBeNull();
  });
});

describe('refusedItems', () => {
  const comps = [
    { code: 'X.NT.1', name: 'Ban hành kế hoạch', nameEn: 'Plan issued' },
    { code: 'X.NT.2', name: 'Số cuộc họp' },
    { code: 'X.NT.20', name: 'Khác' },
  ] as unknown as Component[];
  const refused = new ApiError({
    title: 'Bad Request',
    status: 400,
    code: 'VALIDATION',
    errors: [
      { field: 'body.evidence.X.NT.20', code: 'measure.evidence_required', message: 'Thiếu minh chứng' },
      { field: 'body.values.X.NT.2', code: 'measure.value_required', message: 'Chưa nhập số liệu' },
      { field: 'body.evidence.X.NT.2', code: 'measure.evidence_required', message: 'Thiếu minh chứng' },
    ],
  });

  it('lists one line per item in the framework order, with the value and evidence messages', () => {
    expect(refusedItems(refused, comps, 'vi')).toEqual([
      { code: 'X.NT.2', name: 'Số cuộc họp', messages: ['Chưa nhập số liệu', 'Thiếu minh chứng'] },
      { code: 'X.NT.20', name: 'Khác', messages: ['Thiếu minh chứng'] },
    ]);
    expect(entryText('vi', 'e.refused.title', { n: 2 })).toBe('Chưa nộp được: 2 mục cần bổ sung');
  });

  it('lists nothing for an error without field errors or no error', () => {
    expect(refusedItems(null, comps, 'vi')).toEqual([]);
    expect(refusedItems(new ApiError({ title: 'x', status: 409, code: 'CONFLICT' }), comps, 'vi')).toEqual(
      [],
    );
  });
});

describe('autosave helpers', () => {
  it('keeps the values changed while a save was in flight', () => {
    const a = { number: 1 };
    const b = { number: 2 };
    const c = { number: 3 };
    expect(withoutSaved({ 'X.NT.1': a, 'X.NT.2': c }, { 'X.NT.1': a, 'X.NT.2': b })).toEqual({ 'X.NT.2': c });
  });

  it('shows the saved time as HH:mm in Vietnam', () => {
    expect(savedAtLabel(new Date('2026-12-06T02:05:00Z'))).toBe('09:05');
    expect(entryText('vi', 'e.savedAt', { time: '09:05' })).toBe('Đã lưu lúc 09:05');
  });
});

describe('isNotPublished', () => {
  it('treats the ranking’s 404 as a normal state with a neutral text, other errors as errors', () => {
    expect(
      isNotPublished(new ApiError({ title: 'Not Found', status: 404, code: 'NOT_FOUND', detail: 'x' })),
    ).toBe(true);
    expect(isNotPublished(new ApiError({ title: 'Forbidden', status: 403, code: 'FORBIDDEN' }))).toBe(false);
    expect(notPublishedText('vi')).toMatch(/^Kết quả của kỳ này chưa được công bố\./);
    expect(notPublishedText('vi')).not.toMatch(/lỗi/i);
  });
});
