/** English: import diagnostics. */
import type { Messages } from './messages.ts';

export const enImport: Messages = {
  'import.noSuchFile': 'No such file, or it cannot be read',
  'import.notAFile': 'Not a file',
  'import.tooLarge': 'The file is {mb} MB, over the limit of {maxMb} MB; not read',
  'import.timeout': 'Reading took over {seconds} s and was stopped',
  'import.outOfMemory': 'Reading needed more than {mb} MB of memory and was stopped (a zip bomb or a broken file?)',
  'import.crashed': 'Reading failed: {reason}',
  'import.unknownKind': 'Unknown kind of file: not a PDF, an XLSX workbook or text',
  'import.emptyFile': 'The file is empty',
  'import.zipNotXlsx': 'A ZIP archive, but not an XLSX workbook',
  'pdf.encrypted': 'The PDF is encrypted and needs a password',
  'pdf.invalid': 'Not a valid PDF ({detail})',
  'pdf.tooManyPages': 'The PDF has {pages} pages, over the limit of {max}',
  'pdf.noText': 'The PDF has no text layer (a scan?); text recognition (OCR) is not supported',
  'pdf.pageNoText': 'Page {page} has no text layer (a scanned image?) and was skipped',
  'pdf.noRules': 'Page {page} has no table rules; the table was rebuilt from text positions',
};
