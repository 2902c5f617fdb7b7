/** Where a command reads and writes: injected so that tests run commands in-process. */
import { text } from 'node:stream/consumers';

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, whole (for a password given on it). */
  input(): Promise<string>;
}

export type Command = (argv: string[], io: CommandIo) => Promise<number>;

export const processIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  input: () => text(process.stdin),
};
