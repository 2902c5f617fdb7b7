import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { render } from '../../core/locale/messages.ts';
import { ROOT } from '../../../test/support/fixtures.ts';
import { readPdfGrids } from './read-pdf-grids.ts';

const bad = (name: string) => new Uint8Array(readFileSync(`${ROOT}test/fixtures/bad/${name}`));

describe('PDFs that cannot be read say why, and never throw', () => {
  const cases: Array<[string, RegExp]> = [
    ['encrypted.pdf', /encrypted and needs a password/],
    ['truncated.pdf', /^(Not a valid PDF|The PDF has no text layer)/],
    ['garbage-after-header.pdf', /^Not a valid PDF|no text layer/],
    ['scanned.pdf', /no text layer \(a scan\?\)/],
    ['many-pages.pdf', /2000 pages, over the limit of 300/],
  ];
  for (const [name, message] of cases) {
    test(name, async () => {
      const result = await readPdfGrids(name, bad(name));
      assert.deepEqual(result.grids, []);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      assert.equal(errors.length, 1, JSON.stringify(result.diagnostics));
      assert.equal(errors[0]!.file, name);
      assert.match(render(errors[0]!.message, 'en'), message);
    });
  }
});

test('the scanned page is named in a warning too', async () => {
  const result = await readPdfGrids('scanned.pdf', bad('scanned.pdf'));
  assert.deepEqual(result.diagnostics.map((d) => [d.severity, d.location ?? '']), [['warning', 'page 1'], ['error', '']]);
});
