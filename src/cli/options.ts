import { type ParseArgsConfig, parseArgs } from 'node:util';
import { isPlainDate, type PlainDate } from '../domain/calendar/vn-time.ts';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments strictly: an unknown option, a missing option value or a positional
 * count outside [min, max] is a usage error (exit 2). `--help` / `-h` is accepted by every command.
 */
export function parseCommand<const O extends Options>(
  command: string,
  args: string[],
  options: O,
  positionals: { min: number; max: number } = { min: 0, max: 0 },
) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS')) throw new UsageError((err as Error).message, command);
    throw err;
  }
  const n = parsed.positionals.length;
  if (n < positionals.min)
    throw new UsageError(`Thiếu tham số / missing argument (${positionals.min} expected)`, command);
  if (n > positionals.max)
    throw new UsageError(
      `Thừa tham số / unexpected argument: ${parsed.positionals.slice(positionals.max).join(' ')}`,
      command,
    );
  return parsed;
}

/** A 'YYYY-MM-DD' option value (a real day), or a usage error naming the option. */
export function plainDateOption(command: string, name: string, value: string | undefined): PlainDate {
  if (value === undefined) throw new UsageError(`Thiếu --${name} / --${name} is required`, command);
  if (!isPlainDate(value))
    throw new UsageError(
      `--${name} ${value}: ngày phải có dạng YYYY-MM-DD / the date must be YYYY-MM-DD`,
      command,
    );
  return value;
}

/** One of the allowed values, or a usage error listing them. */
export function choiceOption<const C extends string>(
  command: string,
  name: string,
  value: string | undefined,
  choices: readonly C[],
  fallback?: C,
): C {
  const v = value ?? fallback;
  if (v === undefined)
    throw new UsageError(`Thiếu --${name} (${choices.join('|')}) / --${name} is required`, command);
  if (!(choices as readonly string[]).includes(v))
    throw new UsageError(`--${name} ${v}: chỉ nhận / expected ${choices.join('|')}`, command);
  return v as C;
}
