/** The official form of one evaluation as PDF or XLSX, through the export code. */
import type { Lang } from '../../core/locale/messages.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError } from '../api-error.ts';
import type { ServiceContext } from '../service-context.ts';
import type { EvaluationService } from './evaluation-service.ts';
import { printedDocument } from './evaluation-views.ts';

export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
  /** The form is published: its file is public (a download of it is not a security event). */
  published?: boolean;
}

export class ExportService {
  constructor(private readonly ctx: ServiceContext, private readonly evaluations: EvaluationService) {}

  async pdf(user: User | null, id: string, lang: Lang): Promise<ExportedFile> {
    const stored = await this.evaluations.document(user, id);
    // Loaded at the first export (pdfkit, fontkit, the render pool): `jixiao serve` does not carry them until then (issue 18, RSS).
    const { MissingCharactersError, renderEvaluationsPdf } = await import('../../export/pdf/render-evaluations-pdf.ts');
    try {
      const bytes = await renderEvaluationsPdf([printedDocument(stored)], { lang, templates: this.ctx.templates });
      return { bytes, fileName: `${stored.year}-${stored.project}.pdf`, contentType: 'application/pdf', published: stored.status === 'published' };
    } catch (error) {
      if (error instanceof MissingCharactersError) {
        throw new ApiError(422, 'MISSING_CHARACTERS', {
          params: { characters: error.missing.map((m) => `${m.char} (${m.codePoint})`).join(' ') },
          issues: error.missing.flatMap((m) => m.where.map((where) => ({ path: where.replace(/^evaluations\[0\]\.?/u, ''), message: `${m.char} (${m.codePoint})` }))),
        });
      }
      throw error;
    }
  }

  async xlsx(user: User | null, id: string): Promise<ExportedFile> {
    const stored = await this.evaluations.document(user, id);
    const { writeEvaluationsWorkbook } = await import('../../export/xlsx/workbook.ts');
    const bytes = await writeEvaluationsWorkbook([printedDocument(stored)], this.ctx.templates);
    return { bytes, fileName: `${stored.year}-${stored.project}.xlsx`, contentType: XLSX_TYPE, published: stored.status === 'published' };
  }
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
