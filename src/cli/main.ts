/** The `jixiao` command line: dispatch to a command; input errors become one message and exit 2. */
import { ConfigError } from '../config.ts';
import { CliInputError, EXIT } from './cli-error.ts';
import { processIo, type Command, type CommandIo } from './command.ts';
/**
 * Each command's module is loaded when it runs: `jixiao serve` then never loads what only the
 * importers and exporters of the command line use (pdf.js, for one: ≈ 27 MB of the server's memory).
 */
interface Loaded {
  run: Command;
  usage: string;
}

const COMMANDS: Record<string, { load: () => Promise<Loaded>; summary: string }> = {
  check: { load: async () => { const m = await import('./commands/check.ts'); return { run: m.checkCommand, usage: m.checkUsage }; }, summary: 'check evaluations (totals, grade, execution rate, findings; --targets: against approved targets), targets and monitoring' },
  import: { load: async () => { const m = await import('./commands/import.ts'); return { run: m.importCommand, usage: m.importUsage }; }, summary: 'read published PDFs, extracted text and spreadsheets into jixiao/evaluation@1 (targets and monitoring forms into theirs)' },
  export: { load: async () => { const m = await import('./commands/export.ts'); return { run: m.exportCommand, usage: m.exportUsage }; }, summary: 'print the official forms (evaluations, targets, monitoring) as PDF or XLSX, and the open data as CSV or JSON' },
  template: { load: async () => { const m = await import('./commands/template.ts'); return { run: m.templateCommand, usage: m.templateUsage }; }, summary: 'write the blank fillable form (evaluation, targets or monitoring) as an XLSX workbook' },
  schema: { load: async () => { const m = await import('./commands/schema.ts'); return { run: m.schemaCommand, usage: m.schemaUsage }; }, summary: 'print the JSON Schema of jixiao/evaluation@1 (--document targets, monitoring or all)' },
  gen: { load: async () => { const m = await import('./commands/gen.ts'); return { run: m.genCommand, usage: m.genUsage }; }, summary: 'write a synthetic province (units, evaluations) into DATABASE_URL, deterministic for a seed' },
  report: { load: async () => { const m = await import('./commands/report.ts'); return { run: m.reportCommand, usage: m.reportUsage }; }, summary: "the year's results report (年度绩效评价结果报告) from DATABASE_URL: PDF with tables and charts, XLSX of the tables" },
  serve: { load: async () => { const m = await import('./commands/serve.ts'); return { run: m.serveCommand, usage: m.serveUsage }; }, summary: 'run the web application (DATABASE_URL: SQLite file or postgres://); --demo loads the demo into an empty database' },
  users: { load: async () => { const m = await import('./commands/users.ts'); return { run: m.usersCommand, usage: m.usersUsage }; }, summary: 'add a user (the first administrator too), or import a list of users with one-time passwords' },
  units: { load: async () => { const m = await import('./commands/units.ts'); return { run: m.unitsCommand, usage: m.unitsUsage }; }, summary: 'import the organisation: units with their codes and parents (CSV or XLSX)' },
  projects: { load: async () => { const m = await import('./commands/projects.ts'); return { run: m.projectsCommand, usage: m.projectsUsage }; }, summary: "set a year up from the budget system's project list: one draft per project (CSV or XLSX)" },
  backup: { load: async () => { const m = await import('./commands/backup.ts'); return { run: m.backupCommand, usage: m.backupUsage }; }, summary: 'copy the SQLite database of DATABASE_URL while the server runs, and check the copy (PostgreSQL: prints pg_dump)' },
  restore: { load: async () => { const m = await import('./commands/restore.ts'); return { run: m.restoreCommand, usage: m.restoreUsage }; }, summary: 'put a backup in place of the SQLite database of DATABASE_URL, keeping the old file (stop the server first; PostgreSQL: prints pg_restore)' },
};

async function help(): Promise<string> {
  const lines = await Promise.all(Object.values(COMMANDS).map(async (c) => `  ${(await c.load()).usage}\n      ${c.summary}`));
  return ['jixiao — 财政项目绩效自评价 (fiscal project performance self-evaluation)', '', 'usage:', ...lines].join('\n');
}

export async function main(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(await help());
    return name === undefined ? EXIT.unreadable : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`jixiao: unknown command "${name}"\n\n${await help()}`);
    return EXIT.unreadable;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (error) {
    if (error instanceof CliInputError || error instanceof ConfigError) {
      io.err(`jixiao ${name}: ${error.message}`);
      return EXIT.unreadable;
    }
    throw error;
  }
}
