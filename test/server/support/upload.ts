/** Multipart uploads for POST /api/import. */
import { readFileSync } from 'node:fs';
import { ROOT } from '../../support/fixtures.ts';

export const NATIONAL_TEXT = `${ROOT}src/import/text/fixtures/national-2022-sports.txt`;

export function upload(bytes: Uint8Array | string, name = 'form.txt', field = 'file'): FormData {
  const form = new FormData();
  form.append(field, new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  return form;
}

export const nationalTextUpload = () => upload(readFileSync(NATIONAL_TEXT), 'national-2022-sports.txt');
