/** English: evidence files (issue 14). */
import type { Messages } from './messages.ts';

export const enEvidence: Messages = {
  'api.EVIDENCE_LOCKED': 'The form is {status}: evidence files can no longer be added or removed (only while a rectification item of the form is open)',
  'api.EVIDENCE_CITED': 'This file is cited by the answer to {count} rectification item(s) and cannot be removed',
  'api.EVIDENCE_FROZEN': 'This file was frozen with version {versions} and cannot be removed',
  'api.TOO_MANY_FILES': 'A form may have at most {max} evidence files',
  'evidence.unsupported': 'Unrecognised file type: evidence may be PDF, an image (PNG, JPEG, GIF, WEBP) or an Office document (Word, Excel, PowerPoint, OpenDocument)',
  'evidence.unknownIndicator': 'The form has no such indicator (save the form first)',
  'evidence.empty': 'The file is empty',
};
