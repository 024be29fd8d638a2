import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDayMonthYear, parseDayMonthYear } from '../../core/time/day-month-year.js';
import { useI18n } from '../i18n/i18n-context.js';

type Props = {
  label: string;
  /** An ISO calendar day, or '' for none. */
  value: string;
  /** The ISO day typed, '' when the box is empty, null while what is typed is not a real day. */
  onChange: (iso: string | null) => void;
  required?: boolean;
  description?: string;
  /** A server error for this field (shown until the user edits it). */
  error?: string;
  testId?: string;
};

/**
 * A date typed as dd/mm/yyyy whatever the browser's language (a native date input shows mm/dd/yyyy on an
 * English browser). What the user typed is kept as typed; an impossible day says so under the box.
 */
export function DateField({ label, value, onChange, required, description, error, testId }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(value ? formatDayMonthYear(value) : '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a value changed from outside resets the text
  useEffect(() => {
    // A new value from outside (a reset form) replaces the text; the same day typed differently does not.
    if (value && parseDayMonthYear(text) !== value) setText(formatDayMonthYear(value));
    if (!value && parseDayMonthYear(text)) setText('');
  }, [value]);
  const bad = text.trim() !== '' && parseDayMonthYear(text) === null;
  return (
    <TextInput
      label={label}
      description={description}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      required={required}
      value={text}
      data-testid={testId}
      error={bad ? t('common.badDate') : error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(next.trim() === '' ? '' : parseDayMonthYear(next));
      }}
    />
  );
}
