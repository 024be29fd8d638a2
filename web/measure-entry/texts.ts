import type { Locale } from '../../core/i18n/locale.js';
import { type ConsistencyKey, consistencyText } from '../features/measure/consistency-texts.js';
import { type EntryKey, entryText } from '../features/measure/entry-texts.js';
import { fmtPoints } from '../features/measure/measure-format.js';
import { type MeasureKey, measureText } from '../features/measure/measure-texts.js';
import type { MessageParams } from '../i18n/interpolate.js';
import { getLocale, intlTag } from '../i18n/locale-store.js';

// The entry form's words in the chosen language: the same dictionaries as the staff app's Measure pages
// (measure-texts, entry-texts, consistency-texts), read without React.

export const locale = (): Locale => getLocale();
export const et = (key: EntryKey, params?: MessageParams) => entryText(getLocale(), key, params);
export const mt = (key: MeasureKey, params?: MessageParams) => measureText(getLocale(), key, params);
export const ct = (key: ConsistencyKey, params?: MessageParams) => consistencyText(getLocale(), key, params);
export const points = (value: number | null | undefined) => fmtPoints(value, intlTag(getLocale()));

/** A framework name in the reader's language (the English one is optional). */
export const named = (x: { name: string; nameEn?: string | null }) =>
  getLocale() === 'en' && x.nameEn ? x.nameEn : x.name;
