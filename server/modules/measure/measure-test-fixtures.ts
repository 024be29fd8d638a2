import type { FrameworkInput } from '../../../core/contracts/measure-framework.js';
import { MEETINGS_RULE } from '../../../core/measure/test-fixtures.js';
import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import type { DialectName } from '../../db/database.js';

// A small framework whose scores can be worked out by hand in tests:
//   M1 (government, 60): C1 meetings 1/2/3/4 → 5/10/15/20 (evidence required), C2 ratio a/b × 40
//   M2 (society, 40):    C3 head of committee chair/deputy/none → 20/10/0, C4 portal section yes/no → 20
export function testFramework(overrides: Partial<FrameworkInput> = {}): FrameworkInput {
  return {
    code: 'TEST',
    name: 'Bộ chỉ số thử nghiệm',
    version: '2026',
    maxPoints: 100,
    bands: [
      { code: 'B1', name: 'Khởi động', minValue: 0 },
      { code: 'B2', name: 'Hình thành', minValue: 0.5 },
      { code: 'B3', name: 'Nâng cao', minValue: 0.8 },
    ],
    groups: [
      {
        code: 'G1',
        name: 'Hoạt động',
        maxPoints: 100,
        mainIndices: [
          {
            code: 'M1',
            name: 'Chính quyền số',
            maxPoints: 60,
            pillar: 'government',
            components: [
              {
                code: 'C1',
                name: 'Số cuộc họp Ban Chỉ đạo',
                valueType: 'number',
                maxPoints: 20,
                requiredEvidence: 'Biên bản họp',
                rule: structuredClone(MEETINGS_RULE),
              },
              {
                code: 'C2',
                name: 'Tỷ lệ văn bản ký số',
                valueType: 'ratio',
                maxPoints: 40,
                rule: { kind: 'ratio' },
              },
            ],
          },
          {
            code: 'M2',
            name: 'Xã hội số',
            maxPoints: 40,
            pillar: 'society',
            components: [
              {
                code: 'C3',
                name: 'Trưởng Ban Chỉ đạo',
                valueType: 'choice',
                maxPoints: 20,
                rule: {
                  kind: 'choice',
                  options: [
                    { value: 'chair', label: 'Chủ tịch', points: 20 },
                    { value: 'deputy', label: 'Phó Chủ tịch', points: 10 },
                    { value: 'none', label: 'Không có', points: 0 },
                  ],
                },
              },
              {
                code: 'C4',
                name: 'Chuyên mục CĐS trên cổng',
                valueType: 'boolean',
                maxPoints: 20,
                rule: { kind: 'boolean' },
              },
            ],
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** Inserts a stored framework row directly (for service tests that do not go through import). */
export async function insertFramework(t: TestApp, definition = testFramework()): Promise<number> {
  const now = t.clock.now().toISOString();
  const row = await t.deps.db
    .insertInto('measureFrameworks')
    .values({
      code: definition.code,
      version: 1,
      name: definition.name,
      status: 'draft',
      definitionJson: JSON.stringify(definition),
      derivedFromId: null,
      // No owner: managed from a top-level unit, read by any measure reader.
      ownerUnitId: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

type Caller = { headers: Record<string, string> } | null;

/** app.inject with a signed-in caller's headers (or none). */
export function caller(t: TestApp) {
  return (who: Caller, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: who?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

/** Imports the test framework and creates (and by default opens) a period over the tree's communes and wards. */
export async function createOpenPeriod(
  t: TestApp,
  manager: Caller,
  rootUnitId: number,
  { open = true, dueOn = '2026-03-31', year = 2025, definition = testFramework() } = {},
): Promise<{ frameworkId: number; periodId: number }> {
  const call = caller(t);
  const fw = await call(manager, 'POST', '/api/measure/frameworks/import', { definition });
  if (fw.statusCode !== 201) throw new Error(fw.body);
  const frameworkId = fw.json().framework.id as number;
  const period = await call(manager, 'POST', '/api/measure/periods', {
    name: `Đánh giá ${year}`,
    year,
    frameworkId,
    rootUnitId,
    unitKinds: ['commune', 'ward'],
    opensOn: '2026-03-01',
    dueOn,
  });
  if (period.statusCode !== 201) throw new Error(period.body);
  const periodId = period.json().id as number;
  if (open) await call(manager, 'POST', `/api/measure/periods/${periodId}/open`);
  return { frameworkId, periodId };
}

export const FULL_VALUES = {
  C1: { number: 3 },
  C2: { numerator: 45, denominator: 50 },
  C3: { choice: 'deputy' },
  C4: { bool: true },
};

/** A meeting record, enough evidence for C1 (which requires evidence) in the test framework. */
export const DOC = { number: '1/BB', date: '2025-12-01', title: 'Biên bản họp' };

type UnitInPeriod = { periodId: number; unitId: number };
const submissionUrl = ({ periodId, unitId }: UnitInPeriod) =>
  `/api/measure/periods/${periodId}/units/${unitId}`;

async function expectOk(response: Promise<{ statusCode: number; body: string }>, step: string) {
  const res = await response;
  if (res.statusCode !== 200) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
}

/** A unit's entry through the API: its values, the document C1 requires as evidence, then submit. */
export async function enterAndSubmit(t: TestApp, who: Caller, ids: UnitInPeriod, values: object) {
  const call = caller(t);
  const base = submissionUrl(ids);
  await expectOk(call(who, 'PUT', `${base}/submission/values`, { values }), 'save values');
  await call(who, 'POST', `${base}/submission/evidence`, { componentCode: 'C1', document: DOC });
  await expectOk(call(who, 'POST', `${base}/submission/submit`), 'submit');
}

/** The appraiser's approval of a submitted unit. */
export const approveSubmission = (t: TestApp, appraiser: Caller, ids: UnitInPeriod) =>
  expectOk(caller(t)(appraiser, 'POST', `${submissionUrl(ids)}/appraisal/approve`), 'approve');

/** A unit's entry submitted and approved by the appraiser (the province's secretariat in the scenarios). */
export async function enterAndApprove(
  t: TestApp,
  who: { officer: Caller; appraiser: Caller },
  ids: UnitInPeriod,
  values: object,
) {
  await enterAndSubmit(t, who.officer, ids, values);
  await approveSubmission(t, who.appraiser, ids);
}

export type MeasureScenario = {
  t: TestApp;
  call: ReturnType<typeof caller>;
  units: UnitTree;
  /** Manages and appraises at the province. */
  secretariat: LoggedIn;
  officerA: LoggedIn;
  officerB: LoggedIn;
  /** The open period over the communes and wards, when the scenario was asked for one. */
  periodId: number;
  frameworkId: number;
  /** `unitId`'s officer enters `values` in the scenario's period, submits, and the secretariat approves. */
  enterAndApprove(who: LoggedIn, unitId: number, values: object, periodId?: number): Promise<void>;
  close(): Promise<void>;
};

/**
 * The setup most Measure route tests share: an app on `dialect`, the unit tree, the province's secretariat and
 * the officers of communes A and B (logged in in that order), and by default an open period of the test
 * framework. `now` sets the clock first (sessions expire after an idle hour, so tests start near their dates).
 */
export async function measureScenario(
  dialect: DialectName,
  options: {
    now?: string;
    period?: false | { year?: number; dueOn?: string };
    /** Configuration, e.g. SMTP_URL to mail through a real SMTP receiver. */
    env?: Record<string, string>;
  } = {},
): Promise<MeasureScenario> {
  const t = await createTestApp(dialect, { env: options.env });
  const units = await createUnitTree(t.deps.db);
  if (options.now) t.clock.set(options.now);
  const secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
  const officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
  const officerB = await loginAs(t, { role: 'officer', unitId: units.communeB });
  const period =
    options.period === false
      ? { periodId: 0, frameworkId: 0 }
      : await createOpenPeriod(t, secretariat, units.province, options.period);
  return {
    t,
    call: caller(t),
    units,
    secretariat,
    officerA,
    officerB,
    ...period,
    enterAndApprove: (who, unitId, values, periodId = period.periodId) =>
      enterAndApprove(t, { officer: who, appraiser: secretariat }, { periodId, unitId }, values),
    close: () => t.close(),
  };
}
