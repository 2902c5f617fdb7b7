/** Where a command writes: injected so that tests run commands in-process. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

export type Command = (argv: string[], io: CommandIo) => Promise<number>;

export const processIo: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
