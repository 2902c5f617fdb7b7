/** A failure to read the input: reported as one line naming the file and place, exit code 2. */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}

export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;
