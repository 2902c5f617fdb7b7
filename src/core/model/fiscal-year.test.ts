import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR, readFiscalYear } from './fiscal-year.ts';

test('a fiscal year is read as typed, within the range, or not at all', () => {
  assert.equal(readFiscalYear(' 2024 '), 2024);
  assert.equal(readFiscalYear(String(FIRST_FISCAL_YEAR)), FIRST_FISCAL_YEAR);
  assert.equal(readFiscalYear(String(LAST_FISCAL_YEAR)), LAST_FISCAL_YEAR);
  for (const text of ['224', '20240', '1948', '2024.5', '２０２４', '2,024', '', '-2024']) assert.equal(readFiscalYear(text), null, text);
});
