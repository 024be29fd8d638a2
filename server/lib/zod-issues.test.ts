import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldMessage } from '../../core/i18n/errors.js';
import { fieldErrorFromIssue } from './zod-issues.js';

function firstError(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a validation error');
  return fieldErrorFromIssue('body', result.error.issues[0] as never);
}

describe('field errors from zod issues', () => {
  it('says "required" for a missing field and names its path', () => {
    const e = firstError(z.object({ email: z.string() }), {});
    expect(e).toEqual({ field: 'body.email', code: 'required' });
    expect(fieldMessage(e.code, 'vi', e.params)).toBe('Bắt buộc nhập');
  });

  it('tells "greater than" apart from "at least"', () => {
    const positive = firstError(z.number().positive(), 0);
    expect(fieldMessage(positive.code, 'vi', positive.params)).toBe('Phải lớn hơn 0');
    const min = firstError(z.number().min(1), 0);
    expect(fieldMessage(min.code, 'en', min.params)).toBe('Too small (minimum 1)');
  });

  it('counts characters for strings and items for arrays', () => {
    const short = firstError(z.string().min(10), 'abc');
    expect(fieldMessage(short.code, 'en', short.params)).toBe('Too short (at least 10 characters)');
    const many = firstError(z.array(z.number()).max(2), [1, 2, 3]);
    expect(fieldMessage(many.code, 'vi', many.params)).toBe('Tối đa 2 mục');
  });
});
