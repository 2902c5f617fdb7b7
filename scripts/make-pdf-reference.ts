/**
 * Regenerates the reference images of the PDF export's visual regression test
 * (src/export/pdf/reference/*.png). Run after an intended layout change, look at the images,
 * and commit them:  node --import tsx scripts/make-pdf-reference.ts
 */
import { writeFileSync } from 'node:fs';
import { REFERENCE_DIR, REFERENCES, renderPageOne } from '../src/export/pdf/visual-reference.testing.ts';

for (const [name, evaluations] of Object.entries(REFERENCES)) {
  const png = await renderPageOne(evaluations());
  writeFileSync(`${REFERENCE_DIR}${name}.png`, png);
  console.log(`${REFERENCE_DIR}${name}.png`);
}
