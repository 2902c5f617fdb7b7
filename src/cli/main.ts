/** The `jixiao` command line: dispatch to a command; input errors become one message and exit 2. */
import { CliInputError, EXIT } from './cli-error.ts';
import { processIo, type Command, type CommandIo } from './command.ts';
import { backupCommand, backupUsage } from './commands/backup.ts';
import { checkCommand, checkUsage } from './commands/check.ts';
import { exportCommand, exportUsage } from './commands/export.ts';
import { genCommand, genUsage } from './commands/gen.ts';
import { importCommand, importUsage } from './commands/import.ts';
import { restoreCommand, restoreUsage } from './commands/restore.ts';
import { schemaCommand, schemaUsage } from './commands/schema.ts';
import { serveCommand, serveUsage } from './commands/serve.ts';
import { templateCommand, templateUsage } from './commands/template.ts';

const COMMANDS: Record<string, { run: Command; usage: string; summary: string }> = {
  check: { run: checkCommand, usage: checkUsage, summary: 'check evaluations: totals, grade, execution rate, findings' },
  import: { run: importCommand, usage: importUsage, summary: 'read published PDFs, extracted text and spreadsheets into jixiao/evaluation@1' },
  export: { run: exportCommand, usage: exportUsage, summary: 'print the official form as PDF or XLSX, and the open data as CSV or JSON' },
  template: { run: templateCommand, usage: templateUsage, summary: 'write the blank fillable form as an XLSX workbook' },
  schema: { run: schemaCommand, usage: schemaUsage, summary: 'print the JSON Schema of jixiao/evaluation@1' },
  gen: { run: genCommand, usage: genUsage, summary: 'write a synthetic province (units, evaluations) into DATABASE_URL, deterministic for a seed' },
  serve: { run: serveCommand, usage: serveUsage, summary: 'run the web application (DATABASE_URL: SQLite file or postgres://)' },
  backup: { run: backupCommand, usage: backupUsage, summary: 'copy the SQLite database of DATABASE_URL while the server runs, and check the copy (PostgreSQL: prints pg_dump)' },
  restore: { run: restoreCommand, usage: restoreUsage, summary: 'put a backup in place of the SQLite database of DATABASE_URL, keeping the old file (stop the server first; PostgreSQL: prints pg_restore)' },
};

function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return ['jixiao — 财政项目绩效自评价 (fiscal project performance self-evaluation)', '', 'usage:', ...lines].join('\n');
}

export async function main(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name === undefined ? EXIT.unreadable : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`jixiao: unknown command "${name}"\n\n${help()}`);
    return EXIT.unreadable;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliInputError) {
      io.err(`jixiao ${name}: ${error.message}`);
      return EXIT.unreadable;
    }
    throw error;
  }
}
