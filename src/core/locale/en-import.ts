/** English: import diagnostics. */
import type { Messages } from './messages.ts';

export const enImport: Messages = {
};
