import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations.js';

// fast-check arbitraries derived from a route's JSON schema: mostly values the schema accepts (so requests
// get past validation into services and the database), mixed with wrong types and hostile strings.

/** Ids and strings that exist in the seeded database (unit ids, user emails, KPI and component codes). */
export type FuzzPool = { ids: number[]; strings: string[] };

export const NASTY_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '1e309',
  '-1e309',
  '99999999999999999999999',
  '9007199254740993',
  '2147483648',
  'NaN',
  'Infinity',
  '0x1F',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '../',
  '../../etc/passwd',
  '..%2F..%2F',
  "' OR '1'='1",
  '1; DROP TABLE users; --',
  "'); SELECT pg_sleep(5); --",
  '%',
  '%00',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '\ud800',
  'Hà Nội',
  'ĐẮK LẮK',
  '🙂🇻🇳',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '2026-03-02T02:00:00.000+25:00',
  '__proto__',
  'constructor',
  'a'.repeat(300),
  'x'.repeat(70_000),
];

export const NASTY_NUMBERS = [
  0,
  -1,
  -0,
  0.5,
  2_147_483_647,
  2_147_483_648,
  Number.MAX_SAFE_INTEGER,
  1e21,
  -1e21,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

const nastyValue = (pool: FuzzPool): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...NASTY_STRINGS),
    fc.constantFrom(...NASTY_NUMBERS),
    fc.constantFrom(null, true, false, [], {}, [null], { __proto__: null, a: 1 }),
    fc.constantFrom(...pool.ids),
    fc.constantFrom(...pool.strings),
    fc.jsonValue({ maxDepth: 2 }),
  );

const typesOf = (schema: JsonSchema): string[] =>
  Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type as string] : [];

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function stringFor(schema: JsonSchema, pool: FuzzPool): fc.Arbitrary<unknown> {
  const maxLength = Math.min(num(schema.maxLength, 60), 120);
  const minLength = Math.min(num(schema.minLength, 0), maxLength);
  const format = schema.format;
  const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
  const choices: fc.Arbitrary<unknown>[] = [
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc.string({ minLength, maxLength, unit: 'binary' }),
    fc.constantFrom(...pool.strings),
  ];
  if (format === 'date') choices.push(date.map((d) => d.toISOString().slice(0, 10)));
  if (format === 'date-time') choices.push(date.map((d) => d.toISOString()));
  if (format === 'email') choices.push(fc.emailAddress());
  if (typeof schema.pattern === 'string') {
    try {
      choices.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 500));
    } catch {
      // A pattern JavaScript cannot compile: the other choices still apply.
    }
  }
  return fc.oneof(...choices);
}

function numberFor(schema: JsonSchema, pool: FuzzPool, integer: boolean): fc.Arbitrary<unknown> {
  const min = num(schema.minimum, num(schema.exclusiveMinimum, -1000));
  const max = Math.max(min, num(schema.maximum, num(schema.exclusiveMaximum, min + 5000)));
  const ranged = integer
    ? fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(ranged, fc.constantFrom(...pool.ids), fc.constantFrom(min, max));
}

function objectFor(schema: JsonSchema, pool: FuzzPool, depth: number): fc.Arbitrary<unknown> {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const keys = Object.keys(props);
  if (!keys.length) return fc.dictionary(fc.string({ maxLength: 8 }), nastyValue(pool), { maxKeys: 3 });
  const model = Object.fromEntries(keys.map((k) => [k, valueFor(props[k], pool, depth + 1)]));
  return fc.record(model, { requiredKeys: keys.filter((k) => required.has(k)) });
}

function conformantFor(schema: JsonSchema, pool: FuzzPool, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, pool, depth)));
  if (Array.isArray(schema.allOf) && schema.allOf.length) return valueFor(schema.allOf[0], pool, depth);
  const types = typesOf(schema);
  if (!types.length) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringFor(schema, pool);
        case 'integer':
          return numberFor(schema, pool, true);
        case 'number':
          return numberFor(schema, pool, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const items = (schema.items ?? {}) as JsonSchema;
          const maxLength = Math.min(num(schema.maxItems, 4), 4);
          return fc.array(valueFor(items, pool, depth + 1), { maxLength });
        }
        case 'object':
          return objectFor(schema, pool, depth);
        default:
          return fc.jsonValue({ maxDepth: 1 });
      }
    }),
  );
}

/** A value for `schema`: usually one it accepts, sometimes a hostile one. */
export function valueFor(schema: JsonSchema, pool: FuzzPool, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return nastyValue(pool);
  return fc.oneof(
    { weight: 6, arbitrary: conformantFor(schema, pool, depth) },
    { weight: 1, arbitrary: nastyValue(pool) },
  );
}
