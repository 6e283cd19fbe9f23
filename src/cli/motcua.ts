import { ConfigError } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { AppError } from '../server/errors.ts';
import { ERRORS } from '../server/http/errors.ts';
import { CliError, type CommandResult, EXIT, UsageError } from './errors.ts';
import { type CommandName, commandUsage, isCommandName, shortUsage, usage } from './usage.ts';

/*
 * The `motcua` command: finds the command and maps what it throws to a message and an exit code
 * (src/cli/errors.ts). Each command lives in src/cli/commands/ and is loaded only when run.
 */

const COMMANDS: Record<
  Exclude<CommandName, 'help'>,
  () => Promise<{ run(args: string[]): Promise<CommandResult> }>
> = {
  start: () => import('./commands/start.ts'),
  migrate: () => import('./commands/migrate.ts'),
  seed: () => import('./commands/seed.ts'),
  import: () => import('./commands/import.ts'),
  export: () => import('./commands/export.ts'),
  backup: () => import('./commands/backup.ts'),
  restore: () => import('./commands/restore.ts'),
  'audit-verify': () => import('./commands/audit-verify.ts'),
  'audit-anchor': () => import('./commands/audit-anchor.ts'),
};

async function main([command, ...args]: string[]): Promise<CommandResult> {
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    const topic = command === 'help' ? args[0] : undefined;
    if (topic !== undefined && !isCommandName(topic))
      throw new UsageError(`Lệnh không hợp lệ / unknown command: ${topic}`);
    process.stdout.write(topic ? commandUsage(topic) : usage());
    return EXIT.ok;
  }
  if (!isCommandName(command)) throw new UsageError(`Lệnh không hợp lệ / unknown command: ${command}`);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(commandUsage(command));
    return EXIT.ok;
  }
  if (command === 'help') return EXIT.ok;
  const { run } = await COMMANDS[command]();
  return run(args);
}

function report(err: unknown): number {
  const print = (lines: string[]) => process.stderr.write(`${lines.join('\n')}\n`);
  if (err instanceof UsageError) {
    const help = shortUsage(err.command && isCommandName(err.command) ? err.command : undefined);
    print([`motcua: ${err.message}`, '', help]);
    return EXIT.usage;
  }
  if (err instanceof CliError) {
    print([err.message, ...err.details.map((d) => `  ${d}`)]);
    return err.exitCode;
  }
  if (err instanceof DataDirLockedError) {
    print([err.message, 'Hãy dừng máy chủ trước / stop the server first.']);
    return EXIT.locked;
  }
  if (err instanceof ConfigError) {
    print([err.message]);
    return EXIT.failure;
  }
  if (err instanceof AppError) {
    const title = ERRORS[err.code].title;
    print([
      `${title}${err.detail ? `: ${err.detail}` : ''} (${err.code})`,
      ...(err.errors ?? []).map((e) => `  ${e.path}: ${e.message}`),
    ]);
    return EXIT.failure;
  }
  print([`Lỗi / error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`]);
  return EXIT.failure;
}

/** Exits once standard output and error are flushed (a pipe may still hold an export's bytes). */
function exit(code: number) {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(
  (result) => {
    if (result !== 'running') exit(result);
  },
  (err: unknown) => exit(report(err)),
);
