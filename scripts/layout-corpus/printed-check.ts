/**
 * A fair corpus prints every text it expects back: each text field of the evaluation must appear,
 * unbroken but for white space, in the PDF's text in content order (`pdftotext -raw`), where
 * LibreOffice writes a cell's lines one after another. A row too low for its text would clip lines
 * and make the form impossible to read; the generator says so instead of shipping it.
 */
import { execFileSync } from 'node:child_process';
import type { Evaluation } from '../../src/core/model/evaluation.ts';

function textsOf(evaluation: Evaluation): Array<[string, string]> {
  const texts: Array<[string, string | undefined]> = [
    ['project.name', evaluation.project.name],
    ['project.budgetUnit', evaluation.project.budgetUnit],
    ['project.department', evaluation.project.department],
    ...(['annualGoal', 'actualOutcome', 'achievements', 'problems', 'improvements'] as const).map((k): [string, string | undefined] => [k, evaluation[k]]),
    ...evaluation.indicators.flatMap((indicator, i) =>
      (['name', 'target', 'actual', 'rule', 'remark'] as const).map((k): [string, string | undefined] => [`indicators[${i}].${k}`, indicator[k]])),
  ];
  return texts.filter((t): t is [string, string] => typeof t[1] === 'string' && t[1].trim() !== '');
}

/** The paths of the evaluation's texts that the PDF does not show whole. */
export function hiddenTexts(pdfFile: string, evaluation: Evaluation): string[] {
  const printed = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
  return textsOf(evaluation).filter(([, text]) => !printed.includes(text.replace(/\s+/gu, ''))).map(([path]) => path);
}
