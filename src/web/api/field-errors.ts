/**
 * The server's 400 VALIDATION names the field of each problem (`issues[].path`, the body's field,
 * its message already in the request's language): shown on that field of the form, as antd's
 * `form.setFields` takes them. Problems of fields the form does not have are left to a message.
 */
import { ApiError } from './client.ts';

export interface FieldError<K extends string> {
  name: K;
  errors: string[];
}

export function fieldErrors<K extends string>(error: unknown, fields: readonly K[]): FieldError<K>[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return [];
  const byField = new Map<K, string[]>();
  for (const issue of error.body?.error.issues ?? []) {
    const field = fields.find((f) => f === issue.path);
    if (field === undefined) continue;
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
