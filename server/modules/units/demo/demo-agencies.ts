// Demo departments, boards and the steering committee of Thái Nguyên and its two predecessors, with the
// 2025 department mergers (Sở TT&TT into Sở KH&CN on 1 March 2025) and plausible headcounts marked 'demo'.

type Agency = { suffix: string; name: string; type: string; code(province: string): string };
const agency = (suffix: string, name: string, type: string): Agency => ({
  suffix,
  name,
  type,
  code: (province) => `${province}-${suffix}`,
});

export const DEMO_AGENCIES = {
  office: agency('VP', 'Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng'),
  science: agency('SKHCN', 'Sở Khoa học và Công nghệ', 'Sở'),
  home: agency('SNV', 'Sở Nội vụ', 'Sở'),
  finance: agency('STC', 'Sở Tài chính', 'Sở'),
  health: agency('SYT', 'Sở Y tế', 'Sở'),
  education: agency('SGDDT', 'Sở Giáo dục và Đào tạo', 'Sở'),
  construction: agency('SXD', 'Sở Xây dựng', 'Sở'),
  agriculture: agency('SNNMT', 'Sở Nông nghiệp và Môi trường', 'Sở'),
  police: agency('CA', 'Công an tỉnh', 'Công an'),
  committee: agency('BCDCDS', 'Ban Chỉ đạo chuyển đổi số tỉnh', 'Ban Chỉ đạo'),
};
const ICT = agency('STTTT', 'Sở Thông tin và Truyền thông', 'Sở');
const ICT_VALIDITY = { from: '2008-04-01', to: '2025-02-28' };
const OLD_PROVINCES = ['06', '19'];
const NEW_PROVINCE = '19';

const HEADER = 'code,name,type,level,parent_code,kind,valid_from,valid_to';
const row = (a: Agency, p: string, from = '', to = '') =>
  [a.code(p), a.name, a.type, 2, p, 'agency', from, to].join(',');

/** Agencies as an import CSV: under the old provinces (with Sở TT&TT) or under the new one. */
export function demoAgencyCsv(which: 'old' | 'new'): string {
  const list = Object.values(DEMO_AGENCIES);
  const lines =
    which === 'new'
      ? list.map((a) => row(a, NEW_PROVINCE))
      : OLD_PROVINCES.flatMap((p) => [
          ...list.map((a) => row(a, p)),
          row(ICT, p, ICT_VALIDITY.from, ICT_VALIDITY.to),
        ]);
  return [HEADER, ...lines].join('\n');
}

/** 'merge': Sở TT&TT → Sở KH&CN inside each old province; 'carry': old departments → the new province's. */
export function demoAgencyLineageCsv(which: 'merge' | 'carry'): string {
  const line = (from: Agency, p: string, to: Agency, q: string) =>
    ['2', from.code(p), from.name, to.code(q), to.name, 'full'].join(',');
  const lines =
    which === 'merge'
      ? OLD_PROVINCES.map((p) => line(ICT, p, DEMO_AGENCIES.science, p))
      : OLD_PROVINCES.flatMap((p) => Object.values(DEMO_AGENCIES).map((a) => line(a, p, a, NEW_PROVINCE)));
  return ['level,old_code,old_name,new_code,new_name,kind', ...lines].join('\n');
}

// A stable pseudo-random number per code, so demo figures are the same on every install.
export function demoSpread(code: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) / 2 ** 32;
}

export const DEMO_HEADCOUNT_DATE = '2025-07-01';

/** Plausible, clearly fake figures: commune population and officials, agency officials, province totals. */
export function demoHeadcounts(units: { id: number; code: string; kind: string }[], provinceId: number) {
  const rows: { unitId: number; metric: string; asOf: string; value: number; source: string }[] = [];
  const add = (unitId: number, metric: string, value: number) =>
    rows.push({ unitId, metric, asOf: DEMO_HEADCOUNT_DATE, value, source: 'demo' });
  let population = 0;
  let officials = 0;
  for (const u of units) {
    if (u.id === provinceId) continue;
    if (u.kind === 'commune') {
      const people = 6000 + Math.round(demoSpread(u.code, 1) * 24000);
      const staff = 18 + Math.round(demoSpread(u.code, 2) * 6);
      add(u.id, 'population', people);
      add(u.id, 'officials', staff);
      population += people;
      officials += staff;
    } else if (u.kind === 'agency') {
      const staff = 25 + Math.round(demoSpread(u.code, 3) * 95);
      add(u.id, 'officials', staff);
      officials += staff;
    }
  }
  add(provinceId, 'population', population);
  add(provinceId, 'officials', officials);
  return rows;
}
