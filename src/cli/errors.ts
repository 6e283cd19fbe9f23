/*
 * Exit codes of the `motcua` command (README "Operations", docs/OPERATIONS.md). Scripts branch on them:
 * keep the numbers stable.
 */
export const EXIT = {
  ok: 0,
  failure: 1,
  /** Unknown command, unknown option, missing or malformed argument. */
  usage: 2,
  /** audit-verify found a broken hash chain. */
  auditBroken: 3,
  /** The embedded database folder is locked by a running server (or another command). */
  locked: 4,
  /** restore refused: the target already holds a database and --force was not given. */
  targetNotEmpty: 5,
} as const;

/** A command's result: an exit code, or 'running' for a server that keeps the process alive. */
export type CommandResult = number | 'running';

/** A failure the operator can act on: printed as is (Vietnamese / English), without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
    /** Further lines, e.g. one per invalid row of an imported file. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command line the CLI does not understand; the usage of the command is printed with it. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}
