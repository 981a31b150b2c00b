import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../model/version';
import { registerAnalyze } from './commands/analyze';
import { registerRedact } from './commands/redact';
import { registerReport } from './commands/report';
import { registerScenario } from './commands/scenario';
import { registerToken } from './commands/token';
import { registerTrace } from './commands/trace';
import { CliExit, type CliIo, processIo } from './io';

/** Subcommands in the order `--help` lists them. Each issue replaces its `registerNotYet` line. */
function buildProgram(io: CliIo): Command {
  const program = new Command('tokentrail')
    .description('Offline incident response for token-based grid computing: find, decode and redact tokens, trace them to pilots, payloads and users, report.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError(true);
  registerAnalyze(program, io);
  registerTrace(program, io);
  registerReport(program, io);
  registerRedact(program, io);
  registerToken(program, io);
  registerScenario(program, io);
  return program;
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    io.err(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CliExit) {
      if (e.message) io.err(`${e.message}\n`);
      return e.code;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.unknownCommand' || e.code.startsWith('commander.')) return 2;
    }
    throw e;
  }
}
