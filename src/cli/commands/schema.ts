/** `jixiao schema`: the JSON Schema of `jixiao/evaluation@1`. */
import { evaluationJsonSchema } from '../../core/model/evaluation.ts';
import { EXIT } from '../cli-error.ts';
import { parseCommandArgs } from '../args.ts';
import type { CommandIo } from '../command.ts';

export const schemaUsage = 'jixiao schema';

export async function schemaCommand(argv: string[], io: CommandIo): Promise<number> {
  parseCommandArgs(argv, schemaUsage, {});
  io.out(JSON.stringify(evaluationJsonSchema(), null, 2));
  return EXIT.ok;
}
