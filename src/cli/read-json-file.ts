/** Reading a JSON file so that every failure names the file and, for syntax, the line and column. */
import { readFile } from 'node:fs/promises';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CliInputError } from './cli-error.ts';

export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliInputError(`${file}: cannot read the file: ${describeIoError(error)}`);
  }
  return parseJson(text.replace(/^\uFEFF/u, ''), file);
}

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`${file}: ${locateSyntaxError(text, error)}`);
  }
}

/** JSON.parse says what but not where (Node 20 often gives no position): jsonc-parser finds where. */
function locateSyntaxError(text: string, original: unknown): string {
  if (text.trim() === '') return 'the file is empty, expected JSON';
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return `invalid JSON: ${(original as Error).message}`;
  const { line, column } = lineColumn(text, first.offset);
  return `line ${line}, column ${column}: invalid JSON (${printParseErrorCode(first.error)})`;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
