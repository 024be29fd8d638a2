import { ApiError } from '../lib/api-client.js';

/** Field errors of a failed mutation, keyed by field name, for Mantine's `error` props. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}

/** The message to show above a form: the problem's detail or title; field errors show beside fields. */
export function formErrorOf(error: unknown, fallback: string): string | null {
  if (!error) return null;
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  return fallback;
}
