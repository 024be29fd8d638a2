import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { Locale } from '../../core/i18n/locale.js';
import { en } from './en.js';
import { fillPlaceholders, type MessageParams } from './interpolate.js';
import { getLocale, setLocale, subscribeLocale } from './locale-store.js';
import { type Dictionary, type MessageKey, vi } from './vi.js';

const DICTIONARIES: Record<Locale, Dictionary> = { vi, en };

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return fillPlaceholders(DICTIONARIES[locale][key] ?? vi[key] ?? key, params, locale);
}

type I18nValue = { locale: Locale; t: Translate; setLocale: (locale: Locale) => void };
const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setCurrent] = useState<Locale>(getLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    return subscribeLocale(setCurrent);
  }, [locale]);
  const t = useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
  return <I18nContext.Provider value={{ locale, t, setLocale }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
