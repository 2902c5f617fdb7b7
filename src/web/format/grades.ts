/**
 * A grade word in the UI's language. Forms store the grade as the template prints it (优, 良好 …:
 * the Chinese word is the value); each template names its grades in both languages, so the English
 * word comes from the templates — a new template brings its own words, no code to change. A word
 * no template knows is shown as it is.
 */
import type { Label } from '../../core/templates/template.ts';
import { templates } from '../form/templates.ts';
import type { Lang } from '../locale/i18n.tsx';

let words: Map<string, Label> | null = null;

function gradeLabels(): Map<string, Label> {
  if (words) return words;
  words = new Map();
  for (const id of templates.ids()) for (const grade of templates.get(id)!.grades) if (!words.has(grade.label.zh)) words.set(grade.label.zh, grade.label);
  return words;
}

/** The grade in `lang` ("优" → "Excellent"); blank stays blank. */
export function gradeWord(grade: string | null | undefined, lang: Lang): string {
  if (!grade) return '';
  return gradeLabels().get(grade)?.[lang] ?? grade;
}
