import { type CommandResult, UsageError } from '../errors.ts';

/** `export dossiers …` and `export reports <kind> …`. */
export async function run(args: string[]): Promise<CommandResult> {
  const [what, ...rest] = args;
  if (what === 'dossiers') return (await import('./export-dossiers.ts')).run(rest);
  if (what === 'reports') return (await import('./export-reports.ts')).run(rest);
  throw new UsageError(
    what
      ? `export ${what}: chỉ có dossiers | reports / expected dossiers or reports`
      : 'Thiếu dossiers | reports / missing what to export',
    'export',
  );
}
