import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import type { MessageParams } from '../../i18n/interpolate.js';
import { type MeasureKey, measureText } from './measure-texts.js';

export type { MeasureKey } from './measure-texts.js';

export type MeasureT = (key: MeasureKey, params?: MessageParams) => string;

export function useMT(): MeasureT {
  const { locale } = useI18n();
  return useCallback((key, params) => measureText(locale, key, params), [locale]);
}
