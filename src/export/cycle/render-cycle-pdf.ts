/**
 * Targets declarations and monitoring forms as one A4 PDF in their templates' official layouts,
 * each starting on a new page, with the evaluation's embedded font, page breaks and wrapping.
 */
import { templateRegistry, type TemplateRegistry } from '../../core/templates/registry.ts';
import type { Lang } from '../pdf/form-words.ts';
import { renderLayoutsPdf } from '../pdf/render-evaluations-pdf.ts';
import { cycleForms, type CycleDocuments } from './cycle-forms.ts';
import { cycleFormLayout } from './cycle-pdf-layout.ts';

export function renderCyclePdf(documents: CycleDocuments, registry: TemplateRegistry = templateRegistry(), lang: Lang = 'zh'): Promise<Uint8Array> {
  return renderLayoutsPdf(cycleForms(documents, registry, lang).map(cycleFormLayout), lang);
}
