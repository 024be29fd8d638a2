import type { MeetingKind } from '../contracts/steer-meetings.js';

// vi/en labels of committee meeting kinds (the staff app and the briefing pack).
export const MEETING_KIND_LABELS: Readonly<
  Record<MeetingKind, { readonly vi: string; readonly en: string }>
> = {
  regular_monthly: { vi: 'Họp thường kỳ tháng', en: 'Regular monthly meeting' },
  regular_quarterly: { vi: 'Họp thường kỳ quý', en: 'Regular quarterly meeting' },
  extraordinary: { vi: 'Họp bất thường', en: 'Extraordinary meeting' },
  conference: { vi: 'Hội nghị', en: 'Conference' },
};
