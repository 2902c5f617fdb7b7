/**
 * A sentence the core wants to say (a finding, the working of a score), as a message key and its
 * parameters. The words live in the locale files; the core stays free of UI text. A parameter may
 * itself be a label in both languages (a form's field name), picked when the sentence is rendered.
 */
import type { Label } from './templates/template.ts';

export type MessageParam = string | number | Label;
export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface Explanation {
  key: string;
  params: MessageParams;
}

export function explain(key: string, params: MessageParams = {}): Explanation {
  return { key, params };
}
