import type {
  AppliesTo,
  Component,
  Group,
  MainIndex,
  MeasureUnitKind,
  Pillar,
  ScoringRule,
  ValueType,
} from '../../contracts/measure-framework.js';

// Compact constructors for the built-in templates. A rule spec is a function of the component's maximum,
// so step tables and choices can be written as fractions ("4/3/2/1 meetings → full/¾/½/¼").

export interface Spec {
  valueType: ValueType;
  rule: ScoringRule;
  unitOfMeasure?: string;
  evidence: string;
}
export type SpecOf = (max: number) => Spec;

const round2 = (x: number) => Math.round(x * 100) / 100;
export const EXAMPLE_NOTE = '(ví dụ, có thể chỉnh sửa)';

const EV_COUNT = 'Danh sách và văn bản chứng minh số lượng (số, ký hiệu, ngày, trích yếu)';
const EV_RATIO = 'Báo cáo số liệu: tử số, mẫu số và danh sách chi tiết kèm theo';
const EV_DOC = 'Trích dẫn văn bản: số, ký hiệu, ngày ban hành, cơ quan ban hành, trích yếu; tệp đính kèm';
const EV_YES = 'Đường dẫn (URL), ảnh chụp màn hình hoặc văn bản chứng minh';
const EV_CHOICE = 'Quyết định hoặc văn bản chứng minh lựa chọn (số, ngày, trích yếu)';

// Equal steps up to the maximum: ladder([1, 2, 3, 4]) on max 20 → 5/10/15/20.
export const ladder =
  (mins: number[], unit = 'lần'): SpecOf =>
  (max) => ({
    valueType: 'number',
    unitOfMeasure: unit,
    evidence: EV_COUNT,
    rule: {
      kind: 'steps',
      steps: mins.map((min, i) => ({
        min,
        points: i === mins.length - 1 ? max : round2((max * (i + 1)) / mins.length),
      })),
    },
  });

// Explicit step table as [min, fraction of max].
export const steps =
  (table: Array<[number, number]>, unit = 'lần', valueType: ValueType = 'number'): SpecOf =>
  (max) => ({
    valueType,
    unitOfMeasure: unit,
    evidence: EV_COUNT,
    rule: { kind: 'steps', steps: table.map(([min, f]) => ({ min, points: round2(max * f) })) },
  });

export const ratio =
  (fullAt?: number): SpecOf =>
  () => ({
    valueType: 'ratio',
    unitOfMeasure: '%',
    evidence: EV_RATIO,
    rule: { kind: 'ratio', cap: true, fullAt },
  });

export const pct =
  (fullAt?: number): SpecOf =>
  () => ({
    valueType: 'percent',
    unitOfMeasure: '%',
    evidence: EV_RATIO,
    rule: { kind: 'ratio', cap: true, fullAt },
  });

export const yes = (): SpecOf => () => ({
  valueType: 'boolean',
  evidence: EV_YES,
  rule: { kind: 'boolean' },
});
export const doc = (): SpecOf => () => ({
  valueType: 'document',
  evidence: EV_DOC,
  rule: { kind: 'boolean' },
});

// Choice options as [value, label, fraction of max].
export const pick =
  (options: Array<[string, string, number]>): SpecOf =>
  (max) => ({
    valueType: 'choice',
    evidence: EV_CHOICE,
    rule: {
      kind: 'choice',
      options: options.map(([value, label, f]) => ({ value, label, points: round2(max * f) })),
    },
  });

export const headOfCommittee = (): SpecOf =>
  pick([
    ['chu_tich', 'Bí thư hoặc Chủ tịch UBND làm Trưởng ban', 1],
    ['pho_chu_tich', 'Phó Chủ tịch UBND làm Trưởng ban', 0.5],
    ['chua_thanh_lap', 'Chưa thành lập Ban Chỉ đạo', 0],
  ]);

export const lowerIsBetter =
  (lower: number, upper: number, unit: string): SpecOf =>
  () => ({
    valueType: 'number',
    unitOfMeasure: unit,
    evidence: EV_COUNT,
    rule: { kind: 'minmax', lower, upper, higherIsBetter: false },
  });

export const target =
  (goal: number, baseline: number | undefined, unit: string, valueType: ValueType = 'percent'): SpecOf =>
  () => ({
    valueType,
    unitOfMeasure: unit,
    evidence: EV_RATIO,
    rule: { kind: 'target', target: goal, baseline, higherIsBetter: true },
  });

export const dueBy =
  (due: string, lateFraction: number): SpecOf =>
  (max) => ({
    valueType: 'date',
    evidence: EV_DOC,
    rule: { kind: 'deadline', due, latePoints: round2(max * lateFraction) },
  });

export const formula =
  (expression: string): SpecOf =>
  () => ({
    valueType: 'number',
    evidence: 'Tính tự động từ các chỉ số thành phần khác',
    rule: { kind: 'formula', expression, result: 'fraction' },
  });

export const info =
  (valueType: ValueType = 'number', unit?: string): SpecOf =>
  () => ({ valueType, unitOfMeasure: unit, evidence: EV_COUNT, rule: { kind: 'none' } });

export interface Extra {
  desc?: string;
  ev?: string;
  kpi?: string;
  pillar?: Pillar | null;
  kinds?: MeasureUnitKind[];
  groups?: string[];
  source?: string;
}

export function c(
  code: string,
  name: string,
  nameEn: string,
  max: number,
  spec: SpecOf,
  x: Extra = {},
): Component {
  const s = spec(max);
  const informational = s.rule.kind === 'none';
  const appliesTo: AppliesTo | undefined =
    x.kinds || x.groups ? { unitKinds: x.kinds, unitGroups: x.groups } : undefined;
  return {
    code,
    name,
    nameEn,
    description: `${x.desc ?? name} ${EXAMPLE_NOTE}`,
    appliesTo,
    valueType: s.valueType,
    unitOfMeasure: s.unitOfMeasure,
    requiredEvidence: x.kpi ? `Số liệu tự động từ hệ thống (${x.kpi}); ${s.evidence}` : (x.ev ?? s.evidence),
    dataSource: x.source,
    informational,
    kpiCode: x.kpi,
    maxPoints: informational ? 0 : max,
    pillar: x.pillar,
    rule: s.rule,
    isExample: true,
  };
}

export interface IndexDefaults {
  dataSource: string;
  verifyingAgency: string;
  appliesTo?: AppliesTo;
}

export function mainIndex(
  code: string,
  name: string,
  nameEn: string,
  maxPoints: number,
  pillar: Pillar | null,
  components: Component[],
  defaults: IndexDefaults,
): MainIndex {
  return {
    code,
    name,
    nameEn,
    maxPoints,
    pillar,
    components: components.map((comp) => ({
      ...comp,
      dataSource: comp.dataSource ?? defaults.dataSource,
      verifyingAgency: comp.verifyingAgency ?? defaults.verifyingAgency,
      appliesTo: comp.appliesTo ?? defaults.appliesTo,
    })),
  };
}

export function group(code: string, name: string, nameEn: string, mainIndices: MainIndex[]): Group {
  return { code, name, nameEn, maxPoints: mainIndices.reduce((s, m) => s + m.maxPoints, 0), mainIndices };
}

export const THREE_BANDS = [
  { code: 'KD', name: 'Khởi động', nameEn: 'Starting', minValue: 0 },
  { code: 'HT', name: 'Hình thành', nameEn: 'Forming', minValue: 0.6 },
  { code: 'NC', name: 'Nâng cao', nameEn: 'Advanced', minValue: 0.8 },
];
