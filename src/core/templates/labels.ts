import type { Label, Template } from './template.ts';

/** The form's word for a field path; `indicators[3].score` is looked up as `indicators[].score`. */
export function fieldLabel(template: Template, path: string): Label {
  const generic = path.replace(/\[\d+\]/gu, '[]');
  return template.fieldLabels[generic] ?? template.fieldLabels[path] ?? { zh: path, en: path };
}

/** 产出指标 for `output`; a key the template does not know stands for itself. */
export function categoryLabel(template: Template, key: string): Label {
  return template.categories.find((c) => c.key === key)?.label ?? { zh: key, en: key };
}

/** The block caption: `产出指标` or, for a cap over several categories, `效益指标+满意度指标`. */
export function blockLabel(template: Template, categories: readonly string[]): Label {
  const labels = categories.map((key) => categoryLabel(template, key));
  return { zh: labels.map((l) => l.zh).join('+'), en: labels.map((l) => l.en).join(' + ') };
}
