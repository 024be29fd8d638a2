// A few calls a client generated from the document makes, written against openapi-typescript's output
// (./schema.ts next to it). client.test.ts type-checks it: a renamed operation, a lost schema or a loosened
// type (an `any` somewhere) breaks the build of this file, and with it the test.
export const CLIENT_USAGE = `
import type { components, operations, paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Body<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Problem = components['schemas']['Problem'];
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(ok: Equal<A, B>) => ok;

// The paths and the operationIds name the same operations.
same<paths['/api/measure/periods/{id}']['get'], operations['getMeasurePeriod']>(true);
same<paths['/api/auth/login']['post'], operations['login']>(true);

// Sign in: a typed body, a session with the CSRF token and shared Grant components.
const credentials: Body<operations['login']> = { email: 'chu.tich@dxboard.vn', password: 'secret' };
// @ts-expect-error the password is required
const incomplete: Body<operations['login']> = { email: 'chu.tich@dxboard.vn' };
declare const session: Json<operations['login']['responses'][200]>;
const csrf: string = session.csrfToken;
const grants: components['schemas']['Grant'][] = session.grants;

// Read a period: a numeric path parameter, a typed answer.
const periodPath: operations['getMeasurePeriod']['parameters']['path'] = { id: 7 };
// @ts-expect-error the id is a number
const wrongPath: operations['getMeasurePeriod']['parameters']['path'] = { id: 'seven' };
declare const period: Json<operations['getMeasurePeriod']['responses'][200]>;
const rootUnitId: number = period.rootUnitId;

// List units with a typed query.
const query: NonNullable<operations['listUnits']['parameters']['query']> = { limit: 20, q: 'Hà Giang' };
declare const units: Json<operations['listUnits']['responses'][200]>;
const first: components['schemas']['UnitSummary'] | undefined = units.items[0];

// Errors are problem+json with a closed set of codes.
declare const notFound: operations['getUnit']['responses'][404];
const problem: Problem = notFound.content['application/problem+json'];
const code: Problem['code'] = problem.code;
// @ts-expect-error an unknown error code is refused
const unknownCode: Problem['code'] = 'NOPE';
declare const tooMany: operations['login']['responses'][429];
const retry: string | undefined = tooMany.content['application/problem+json'].detail;

// Upload a workbook as multipart/form-data; a large one answers 202 with the import to poll.
type Upload = NonNullable<operations['createKpiImport']['requestBody']>['content']['multipart/form-data'];
const upload: Upload = { file: 'binary' };
declare const accepted: Json<operations['createKpiImport']['responses'][202]>;
const importId: number = accepted.id;
same<typeof accepted, components['schemas']['KpiImport']>(true);

// Download the results workbook.
type Xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
declare const results: operations['getMeasurePeriodResultsXlsx']['responses'][200]['content'][Xlsx];
const bytes: string = results;

export const used = [credentials, incomplete, csrf, grants, periodPath, wrongPath, rootUnitId, query, first,
  code, unknownCode, retry, upload, importId, bytes];
`;
