/** An evaluation file from disk, validated, with each evaluation's template found. */
import type { Evaluation } from '../core/model/evaluation.ts';
import { validateEvaluationFile, type SchemaProblem } from '../core/model/validate.ts';
import { templateRegistry, type TemplateRegistry } from '../core/templates/registry.ts';
import { validTemplateSchema, type Template } from '../core/templates/template.ts';
import { formatPath } from '../core/model/path.ts';
import { CliInputError } from './cli-error.ts';
import { readJsonFile } from './read-json-file.ts';

export interface LoadedEvaluation {
  evaluation: Evaluation;
  template: Template;
}

export async function loadEvaluations(file: string, templates: TemplateRegistry): Promise<LoadedEvaluation[]> {
  const data = await readJsonFile(file);
  const validated = validateEvaluationFile(data);
  if (!validated.ok) throw problemsError(file, validated.problems);
  return validated.value.evaluations.map((evaluation, i) => {
    const template = templates.get(evaluation.template);
    if (!template) {
      throw new CliInputError(
        `${file}: evaluations[${i}].template: unknown template "${evaluation.template}" (known: ${templates.ids().join(', ')})`,
      );
    }
    return { evaluation, template };
  });
}

/** A file's schema problems as one input error, the first ten with their paths. */
export function problemsError(file: string, problems: readonly SchemaProblem[]): CliInputError {
  const lines = problems.slice(0, 10).map((p) => `${file}: ${p.path}: ${p.message}`);
  const more = problems.length > 10 ? [`${file}: … and ${problems.length - 10} more`] : [];
  return new CliInputError([...lines, ...more].join('\n'));
}

/** Built-in templates plus those in the given files (a template object or an array of them). */
export async function loadTemplates(files: readonly string[]): Promise<TemplateRegistry> {
  const extra: Template[] = [];
  for (const file of files) {
    const data = await readJsonFile(file);
    const items: unknown[] = Array.isArray(data) ? data : [data];
    items.forEach((item, i) => {
      const parsed = validTemplateSchema.safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const where = formatPath([...(Array.isArray(data) ? [i] : []), ...issue.path]) || '(root)';
        throw new CliInputError(`${file}: ${where}: ${issue.message}`);
      }
      extra.push(parsed.data);
    });
  }
  return templateRegistry(extra);
}
