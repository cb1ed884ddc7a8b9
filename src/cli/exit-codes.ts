/**
 * The exit statuses of `briefing`, as the help of each command lists them. A command
 * returns one of these; only `cli.ts` hands it to the process.
 */
export const exitCode = {
  /** Everything asked for was made (warnings allowed). */
  ok: 0,
  /** A manuscript could not be built or checked clean, or a printer or mail server refused. */
  failed: 1,
  /** The command line or the configuration is wrong: nothing was started. */
  usage: 2,
  /** Stopped by Ctrl-C, TERM or HUP (128 + SIGINT's number, as shells report it). */
  interrupted: 130
} as const;

/** One of briefing's exit statuses. */
export type ExitCode = (typeof exitCode)[keyof typeof exitCode];
