/** A render-pool worker: lays out, checks and renders the forms of a job (render-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { formLayout } from './form-layout.ts';
import { missingCharactersIn } from './missing-characters.ts';
import type { RenderJob, RenderResult } from './render-pool.ts';
import { renderPages } from './render-pages.ts';

parentPort!.on('message', (job: RenderJob) => {
  let result: RenderResult;
  const transfer: ArrayBuffer[] = [];
  try {
    const layouts = job.forms.map((f) => formLayout(f.evaluation, job.templates[f.template]!, job.lang));
    const missing = missingCharactersIn(layouts, job.firstIndex);
    if (missing.length > 0) {
      result = { missing };
    } else {
      const rendered = renderPages(layouts);
      for (const form of rendered.forms) {
        for (const page of form.pages) {
          // A copy the size of the content, so that only it is transferred.
          page.content = new Uint8Array(page.content);
          transfer.push(page.content.buffer as ArrayBuffer);
        }
      }
      result = { rendered };
    }
  } catch (error) {
    result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(result, transfer);
});
