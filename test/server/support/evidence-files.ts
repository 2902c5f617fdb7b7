/** Small files of each kind for evidence uploads, made here (no binary fixtures): what their bytes say they are. */
import ExcelJS from 'exceljs';

const text = (s: string) => new TextEncoder().encode(s);

/** A one-page PDF (a real one: header, objects, xref, trailer). */
export function pdfBytes(note = 'evidence'): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
  ];
  const stream = `BT /F1 12 Tf 20 100 Td (${note}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return text(body);
}

/** A 1×1 PNG. */
export const pngBytes = (): Uint8Array =>
  Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

export const htmlBytes = (): Uint8Array => text('<!doctype html><html><body><script>alert(1)</script></body></html>');

/** An XLSX workbook (a zip with [Content_Types].xml and xl/). */
export async function xlsxBytes(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('佐证').addRow(['项目', '金额']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A multipart body with the file and, if given, the indicator. */
export function evidenceUpload(bytes: Uint8Array, name: string, indicatorId?: string): FormData {
  const form = new FormData();
  if (indicatorId !== undefined) form.append('indicatorId', indicatorId);
  form.append('file', new File([new Uint8Array(bytes)], name));
  return form;
}
