/**
 * The JSON shape of what the checks say about a form (`jixiao check --json`, the HTTP API):
 * the computed values and the findings with their messages rendered.
 */
import { render, type Lang } from '../locale/messages.ts';
import type { Computed } from '../scoring/compute.ts';
import type { Finding } from './finding.ts';

export function computedJson(computed: Computed, lang: Lang) {
  return {
    weight: computed.weight,
    score: computed.score,
    grade: computed.grade.label.zh,
    executionRate: computed.executionRate,
    executionScore: computed.executionScore,
    blocks: computed.blocks.map((b) => ({ categories: b.categories, cap: b.cap, weight: b.weight, score: b.score })),
    suggestions: computed.suggestions.map((s) => ({ ...s, working: render(s.working, lang) })),
  };
}

export function findingJson(f: Finding, lang: Lang) {
  return {
    code: f.code,
    severity: f.severity,
    path: f.path,
    message: render(f.message, lang),
    messages: { zh: render(f.message, 'zh'), en: render(f.message, 'en') },
  };
}

export type ComputedJson = ReturnType<typeof computedJson>;
export type FindingJson = ReturnType<typeof findingJson>;
