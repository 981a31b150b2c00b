/** The CLI's view of the outside world, passed into commands so tests can capture it. */
export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  /** True when stderr is a terminal (progress output). */
  isTty: boolean;
}

export const processIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTty: Boolean(process.stderr.isTTY),
};

/** Thrown by commands to exit with a code after printing a message on stderr. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
