/**
 * People from the command line (the same service code as the API):
 *
 * - `jixiao users add USERNAME --role ROLE [--unit CODE] [--name 显示名] [--password-stdin]`: the
 *   first administrator, or anyone. ROLE is an id or its Chinese name (preparer 填报人, approver
 *   单位审核人, department 主管部门审核人, reviewer 财政审核人, admin 管理员); unit roles need the unit's
 *   code. Without --password-stdin a one-time password is printed once and must be changed at the
 *   first login; with it, the password read from standard input (one line) is set as it is.
 * - `jixiao users import FILE --passwords-out OUT`: a list (CSV or XLSX: 用户名, 姓名, 角色, 单位代码 —
 *   or username, name, role, unit), all rows or none; each user gets a one-time password, written
 *   to OUT (created new, readable by its owner only: mode 0600) and never to standard output.
 *
 * Exit 0 created, 2 refused with the reason (each bad row named), nothing written.
 */
import { open } from 'node:fs/promises';
import { parseRole } from '../../core/accounts/accounts.ts';
import { langOption, parseCommandArgs, requireOne } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { readListFile, refusedAsExit2, withSetup } from '../setup-context.ts';

export const usersUsage = [
  'jixiao users add USERNAME --role ROLE [--unit CODE] [--name NAME] [--password-stdin] [--lang zh|en]',
  'jixiao users import FILE --passwords-out OUT [--lang zh|en]',
].join('\n  ');

export async function usersCommand(argv: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'add') return add(rest, io);
  if (sub === 'import') return importList(rest, io);
  io.err(`usage: ${usersUsage}`);
  return EXIT.unreadable;
}

async function add(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, usersUsage, {
    role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' }, lang: { type: 'string' },
  });
  const lang = langOption(values.lang);
  const username = requireOne(positionals, 'USERNAME', usersUsage);
  if (values.role === undefined) throw new CliInputError(`--role is required\nusage: ${usersUsage}`);
  const role = parseRole(values.role as string);
  if (!role) throw new CliInputError(`--role: unknown role "${values.role}" (preparer 填报人, approver 单位审核人, department 主管部门审核人, reviewer 财政审核人, admin 管理员)`);
  // One line: a trailing line break (echo, a here-string) is not part of the password.
  const password = values['password-stdin'] ? (await io.input()).replace(/\r?\n$/u, '') : undefined;
  return withSetup(({ services, actor }) =>
    refusedAsExit2(async () => {
      const created = await services.users.create(actor, {
        username, role, unitCode: (values.unit as string | undefined) ?? '',
        ...(values.name !== undefined ? { displayName: values.name as string } : {}), ...(password !== undefined ? { password } : {}),
      });
      const { user } = created;
      io.out(`jixiao users add: created ${user.username} (${user.role}${user.unitCode ? `, unit ${user.unitCode}` : ''})`);
      // Shown this once; only its hash is stored.
      if (created.oneTimePassword) io.out(`one-time password (to be changed at the first login): ${created.oneTimePassword}`);
      return EXIT.ok;
    }, io.err, lang, `users add ${username}`),
  );
}

async function importList(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, usersUsage, { 'passwords-out': { type: 'string' }, lang: { type: 'string' } });
  const lang = langOption(values.lang);
  const file = requireOne(positionals, 'FILE', usersUsage);
  const out = values['passwords-out'] as string | undefined;
  if (!out) throw new CliInputError(`--passwords-out OUT is required: one-time passwords are written to a file, never to the screen\nusage: ${usersUsage}`);
  const list = await readListFile(file, 'users', lang);
  // Made before anything is written, new and private: an existing file is never overwritten.
  const handle = await open(out, 'wx', 0o600).catch((error: NodeJS.ErrnoException) => {
    throw new CliInputError(`--passwords-out ${out}: ${error.code === 'EEXIST' ? 'the file exists (it is never overwritten)' : error.message}`);
  });
  let written = false;
  try {
    return await withSetup(({ services, actor }) =>
      refusedAsExit2(async () => {
        const created = await services.users.importRows(actor, list.rows);
        await handle.writeFile(`\uFEFFusername,oneTimePassword\n${created.map((c) => `${c.username},${c.oneTimePassword}`).join('\n')}\n`);
        written = true;
        if (list.ignoredColumns.length > 0) io.err(`${file}: columns not read: ${list.ignoredColumns.join(', ')}`);
        io.out(`jixiao users import: ${created.length} users created; their one-time passwords are in ${out}`);
        return EXIT.ok;
      }, io.err, lang, file),
    );
  } finally {
    await handle.close();
    if (!written) await import('node:fs/promises').then((fs) => fs.rm(out, { force: true }));
  }
}
