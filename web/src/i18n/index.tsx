import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { en, type Dictionary, type MessageKey } from './en';
import { vi } from './vi';

/** Interface language: English or Vietnamese, chosen in the header and kept in this browser. */

export type Lang = 'en' | 'vi';
export const LANGS: Lang[] = ['en', 'vi'];
const DICTS: Record<Lang, Dictionary> = { en, vi };
const STORAGE_KEY = 'attache.lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: Translate;
  /** Numbers as the interface language writes them (1,234 / 1.234). */
  num: (n: number) => string;
}

export function translator(lang: Lang): Translate {
  const dict = DICTS[lang];
  return (key, params) => {
    let s = dict[key] ?? en[key] ?? key;
    // "one|many" forms (English only needs two); Vietnamese has one form and no "|".
    if (s.includes('|') && params && 'n' in params) {
      const [one, many] = s.split('|');
      s = Number(String(params.n).replace(/[^\d.-]/g, '')) === 1 ? one : many;
    }
    if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
    return s;
  };
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'vi') return saved;
  } catch {
    // Storage may be blocked; fall back to English.
  }
  return 'en';
}

const I18nContext = createContext<I18n>({ lang: 'en', setLang: () => {}, t: translator('en'), num: (n) => String(n) });

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const fmt = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
    return {
      lang,
      setLang: (l) => {
        try {
          localStorage.setItem(STORAGE_KEY, l);
        } catch {
          // Not kept; the choice still holds for this page.
        }
        setLangState(l);
      },
      t: translator(lang),
      num: (n) => fmt.format(n),
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
export type { MessageKey };
