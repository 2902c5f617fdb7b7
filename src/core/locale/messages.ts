/** Rendering the core's sentences (explanations) in either UI language. */
import type { Explanation, MessageParam, MessageParams } from '../explanation.ts';
import { enCycle } from './en-cycle.ts';
import { enCycleWorkflow } from './en-cycle-workflow.ts';
import { enReport } from './en-report.ts';
import { enEvidence } from './en-evidence.ts';
import { enFollowup } from './en-followup.ts';
import { enImport } from './en-import.ts';
import { enSetup } from './en-setup.ts';
import { resolvePlurals } from './plural.ts';
import { en } from './en.ts';
import { zhCycle } from './zh-cycle.ts';
import { zhCycleWorkflow } from './zh-cycle-workflow.ts';
import { zhReport } from './zh-report.ts';
import { zhEvidence } from './zh-evidence.ts';
import { zhFollowup } from './zh-followup.ts';
import { zhImport } from './zh-import.ts';
import { zhSetup } from './zh-setup.ts';
import { zh } from './zh.ts';

export type Lang = 'zh' | 'en';
export type Messages = Readonly<Record<string, string>>;

const CATALOGS: Record<Lang, Messages> = { zh: { ...zh, ...zhImport, ...zhSetup, ...zhEvidence, ...zhCycle, ...zhCycleWorkflow, ...zhFollowup, ...zhReport }, en: { ...en, ...enImport, ...enSetup, ...enEvidence, ...enCycle, ...enCycleWorkflow, ...enFollowup, ...enReport } };

/** Parameters that hold a key of a fixed set, shown in words: a qualitative level, a likelihood (确定能 …). */
const WORDED_PARAMS: ReadonlySet<string> = new Set(['level', 'likelihood']);

function showParam(name: string, value: MessageParam, lang: Lang): string {
  if (typeof value === 'object') return value[lang];
  if (WORDED_PARAMS.has(name)) return CATALOGS[lang][`${name}.${value}`] ?? String(value);
  return String(value);
}

export function format(key: string, params: MessageParams, lang: Lang): string {
  const template = resolvePlurals(lang, CATALOGS[lang][key] ?? CATALOGS.en[key] ?? key, params);
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : showParam(name, value, lang);
  });
}

/** A message in both languages, as a parameter of another (a status, a role). */
export function inBothLanguages(key: string, params: MessageParams = {}): { zh: string; en: string } {
  return { zh: format(key, params, 'zh'), en: format(key, params, 'en') };
}

export function render(explanation: Explanation, lang: Lang): string {
  return format(explanation.key, explanation.params, lang);
}

/** Whether the catalogues have a sentence for `key` (a variant such as `MISSING_FIELD.cell`). */
export function hasMessage(key: string): boolean {
  return CATALOGS.zh[key] !== undefined;
}

/** Every key either catalogue has, for tests that both languages say everything. */
export function catalogKeys(lang: Lang): string[] {
  return Object.keys(CATALOGS[lang]);
}
