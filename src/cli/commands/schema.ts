/**
 * `jixiao schema [--document evaluation|targets|monitoring|all]`: the JSON Schema of
 * `jixiao/evaluation@1` (the default, as before), `jixiao/targets@1` or `jixiao/monitoring@1`;
 * `all` prints the three as one object keyed by document.
 */
import { evaluationJsonSchema } from '../../core/model/evaluation.ts';
import { monitoringJsonSchema } from '../../core/model/monitoring.ts';
import { targetsJsonSchema } from '../../core/model/targets.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import { parseCommandArgs } from '../args.ts';
import type { CommandIo } from '../command.ts';

export const schemaUsage = 'jixiao schema [--document evaluation|targets|monitoring|all]';

const SCHEMAS = { evaluation: evaluationJsonSchema, targets: targetsJsonSchema, monitoring: monitoringJsonSchema } as const;

export async function schemaCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandArgs(argv, schemaUsage, { document: { type: 'string' } });
  const document = (values.document as string | undefined) ?? 'evaluation';
  if (document === 'all') {
    io.out(JSON.stringify(Object.fromEntries(Object.entries(SCHEMAS).map(([key, schema]) => [key, schema()])), null, 2));
    return EXIT.ok;
  }
  if (!(document in SCHEMAS)) throw new CliInputError(`--document: expected evaluation, targets, monitoring or all, not "${document}"\nusage: ${schemaUsage}`);
  io.out(JSON.stringify(SCHEMAS[document as keyof typeof SCHEMAS](), null, 2));
  return EXIT.ok;
}
