import type { FieldError } from './errors.js';

type IssueLike = { code?: string; path?: PropertyKey[]; input?: unknown; [k: string]: unknown };

// Turns a zod v4 issue into our stable field-error code + params, so messages can be localised.
export function fieldErrorFromIssue(prefix: string, issue: IssueLike): FieldError {
  const path = (issue.path ?? []).map(String);
  const field = [prefix, ...path].filter(Boolean).join('.');
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { field, code: 'required' }
        : { field, code: 'invalid_type', params: { expected: issue.expected } };
    case 'too_small':
      if (issue.origin === 'string') return { field, code: 'too_short', params: { minimum: issue.minimum } };
      if (issue.origin === 'array') return { field, code: 'too_few', params: { minimum: issue.minimum } };
      return {
        field,
        code: issue.inclusive === false ? 'not_greater' : 'too_small',
        params: { minimum: issue.minimum },
      };
    case 'too_big':
      if (issue.origin === 'string') return { field, code: 'too_long', params: { maximum: issue.maximum } };
      if (issue.origin === 'array') return { field, code: 'too_many', params: { maximum: issue.maximum } };
      return {
        field,
        code: issue.inclusive === false ? 'not_less' : 'too_big',
        params: { maximum: issue.maximum },
      };
    case 'invalid_format':
      return { field, code: 'invalid_format', params: { format: issue.format } };
    case 'unrecognized_keys':
      return {
        field,
        code: 'unrecognized_keys',
        params: { keys: (issue.keys as string[] | undefined)?.join(', ') },
      };
    case 'invalid_value':
    case 'invalid_union':
      return { field, code: 'invalid_value' };
    case 'custom':
      return {
        field,
        code:
          typeof issue.params === 'object' && issue.params && 'code' in issue.params
            ? String((issue.params as { code: unknown }).code)
            : 'invalid',
        params: (issue.params as Record<string, unknown>) ?? {},
      };
    default:
      return { field, code: 'invalid' };
  }
}
