import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import type { MessageParams } from '../../i18n/interpolate.js';
import { type ConsistencyKey, consistencyText } from './consistency-texts.js';

export type { ConsistencyKey } from './consistency-texts.js';
export { ruleMessage } from './consistency-texts.js';

export type ConsistencyT = (key: ConsistencyKey, params?: MessageParams) => string;

export function useCT(): ConsistencyT {
  const { locale } = useI18n();
  return useCallback((key, params) => consistencyText(locale, key, params), [locale]);
}
