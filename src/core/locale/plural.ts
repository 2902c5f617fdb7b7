/**
 * Plural forms in the UI's messages, chosen by the language's own rules (Intl.PluralRules): a
 * message may hold `{count, plural, one {# warning} other {# warnings}}` — `#` is the number, an
 * exact `=0 {…}` goes first, `other` is required. Chinese has one form, so its messages need none;
 * English says "1 warning", "2 warnings". Plain `{name}` placeholders inside a form are filled after.
 * Used by the core's messages (findings, API errors, reports) and the UI's alike.
 */

export type Lang = 'zh' | 'en';
/** What a message's parameters may be; only numbers (or numeric text) choose a form. */
export type Params = Readonly<Record<string, unknown>>;

const RULES: Record<Lang, Intl.PluralRules> = { zh: new Intl.PluralRules('zh-CN'), en: new Intl.PluralRules('en') };

/** `{name, plural, <forms>}`: forms are `key {text}` with no braces inside the text but `{param}`s. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/gu;
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/gu;

/** The plural form of `count` in `lang` among `forms` (`other` when the language's form is missing). */
export function pluralForm(lang: Lang, count: number, forms: Readonly<Record<string, string>>): string {
  return forms[`=${count}`] ?? forms[RULES[lang].select(count)] ?? forms['other'] ?? '';
}

/** The message with each plural block replaced by the form of its count (left as written without one). */
export function resolvePlurals(lang: Lang, message: string, params: Params): string {
  if (!message.includes(', plural,')) return message;
  return message.replace(PLURAL, (whole, name: string, body: string) => {
    const value = params[name];
    const count = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(?:\.\d+)?$/u.test(value) ? Number(value) : null;
    if (count === null) return whole;
    const forms: Record<string, string> = {};
    for (const m of body.matchAll(FORM)) forms[m[1]!] = m[2]!;
    return pluralForm(lang, count, forms).replace(/#/gu, String(value));
  });
}
