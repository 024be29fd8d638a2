import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import type { MessageParams } from '../../i18n/interpolate.js';
import { type EntryKey, entryText } from './entry-texts.js';

export type { EntryKey } from './entry-texts.js';
export { entryText } from './entry-texts.js';

export type EntryT = (key: EntryKey, params?: MessageParams) => string;

export function useET(): EntryT {
  const { locale } = useI18n();
  return useCallback((key, params) => entryText(locale, key, params), [locale]);
}
