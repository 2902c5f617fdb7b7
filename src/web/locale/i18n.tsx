/**
 * The UI language: Chinese first, English on the switch. Words live in zh.ts / en.ts only; the
 * core's sentences (findings, the working of a score) are rendered by the core's own locale.
 * A count with a noun is written as a plural block, `{count, plural, one {# warning} other {# warnings}}`
 * (core/locale/plural.ts: the language's own rules), so English never says "1 warnings".
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { render as renderCore, format as formatCore } from '../../core/locale/messages.ts';
import type { Explanation } from '../../core/explanation.ts';
import type { Label } from '../../core/templates/template.ts';
import { setApiLanguage } from '../api/client.ts';
import { en } from './en.ts';
import { resolvePlurals } from '../../core/locale/plural.ts';
import { zh, type MessageKey } from './zh.ts';

export type Lang = 'zh' | 'en';
export type Params = Readonly<Record<string, string | number>>;

const DICTIONARIES: Record<Lang, Readonly<Record<MessageKey, string>>> = { zh, en };
const STORAGE_KEY = 'jixiao.lang';

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  // Plural forms first ("1 warning", "2 warnings"), then the placeholders, inside them too.
  return resolvePlurals(lang, DICTIONARIES[lang][key], params).replace(/\{(\w+)\}/gu, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** Whether a key is in the dictionaries: words named by data (an audit action) fall back when not. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** A template label (column title, field name) in the UI language. */
  label: (label: Label) => string;
  /** A core sentence: a finding's message or a suggestion's working. */
  explain: (explanation: Explanation) => string;
  /** A core word by key, such as `level.partial`. */
  word: (key: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    setApiLanguage(lang);
    // antd's date pickers name the months and weekdays in dayjs's language (zh_CN of antd does not set it).
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the switch still works for this page
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      label: (l) => l[lang],
      explain: (e) => renderCore(e, lang),
      word: (key) => formatCore(key, {}, lang),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
