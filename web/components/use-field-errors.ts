import { useEffect, useState } from 'react';
import { fieldErrorsOf } from './form-errors.js';

/** Server field errors for a form; a field's error disappears as soon as the user edits that field. */
export function useFieldErrors(error: unknown) {
  const [edited, setEdited] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (error) setEdited(new Set());
  }, [error]);
  const all = fieldErrorsOf(error);
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(all)) if (!edited.has(field)) errors[field] = message;
  const touch = (field: string) => {
    if (all[field] && !edited.has(field)) setEdited(new Set(edited).add(field));
  };
  return { errors, hasAny: Object.keys(all).length > 0, touch };
}
