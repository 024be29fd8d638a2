// Open311 GeoReport v2 wire formats: JSON is a mechanical mapping of the XML (lists are top-level arrays),
// XML is UTF-8 without a namespace; times are W3C with the +07:00 offset; errors are the spec's
// `errors/error[]` with `code` and `description`.

export type Format = 'json' | 'xml';
type Scalar = string | number | boolean | null | undefined;
export interface Open311Object {
  [key: string]: Scalar | Scalar[] | Open311Object[] | Open311Object;
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string,
  );

function element(
  name: string,
  value: Scalar | Open311Object | (Open311Object | Scalar)[],
  itemName?: string,
): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value))
    return `<${name}>${value.map((v) => element(itemName ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v as Scalar, singular(k)))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

const singular = (plural: string) =>
  ({ attributes: 'attribute', values: 'value', formats: 'format', endpoints: 'endpoint' })[plural] ?? 'item';

/** The content type of an answer in `format`. */
export const contentTypeOf = (format: Format) =>
  format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8';

/** A list as XML (`<root><item>…</item></root>`) or as a JSON array. */
export function renderList(format: Format, root: string, item: string, list: Open311Object[]) {
  return {
    type: contentTypeOf(format),
    body:
      format === 'json'
        ? JSON.stringify(list)
        : `<?xml version="1.0" encoding="utf-8"?>${element(root, list, item)}`,
  };
}

export function renderObject(format: Format, root: string, value: Open311Object) {
  return {
    type: contentTypeOf(format),
    body:
      format === 'json'
        ? JSON.stringify(value)
        : `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`,
  };
}

export const renderErrors = (format: Format, errors: { code: number; description: string }[]) =>
  renderList(format, 'errors', 'error', errors);

/** An instant as W3C date-time in Vietnam's offset (+07:00). */
export function vietnamDateTime(iso: string | null): string | null {
  if (!iso) return null;
  const t = new Date(iso).getTime() + 7 * 3600_000;
  return `${new Date(t).toISOString().slice(0, 19)}+07:00`;
}

/** "services.json" → { name: 'services', format: 'json' }; null for another extension. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1], format: m[2] as Format } : null;
}
