/**
 * Minimal PDFs written object by object, for importer tests that need a PDF no office program
 * makes: an image-only page (a scan) and a document with a great many pages.
 */
export function pdfFromObjects(objects: string[]): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** One A4 page showing a 2×2 grey image and no text: what a scanner gives. */
export function scannedPdf(): Buffer {
  const content = 'q 500 0 0 700 40 60 cm /Im1 Do Q';
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x40\x80\x80\x40\nendstream',
  ]);
}

/** `pages` empty pages sharing one content stream: a small file with a huge page count. */
export function manyPagesPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 4} 0 R`).join(' ');
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Length 0 >>\nstream\n\nendstream',
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>'),
  ]);
}

/** One page of text and a catalog that runs JavaScript when opened (OpenAction), as a malicious PDF would. */
export function javaScriptPdf(options: { escapedNames?: boolean } = {}): Buffer {
  const content = 'BT /F1 12 Tf 72 720 Td (Hello) Tj ET';
  // `/J#53` is `/JS` written with a #hh escape, a common way to slip past a plain search.
  const [s, kind, js] = options.escapedNames ? ['/#53', '/J#61vaScript', '/J#53'] : ['/S', '/JavaScript', '/JS'];
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Action ${s} ${kind} ${js} (app.alert\\('hello'\\);) >>`,
  ]);
}
