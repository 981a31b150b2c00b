import type { Command } from 'commander';
import { CliExit } from '../io';

/** A subcommand whose issue has not landed: says so and exits 1 (never fake output). */
export function registerNotYet(program: Command, name: string, summary: string): void {
  program
    .command(name)
    .description(`${summary} (not available yet)`)
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      throw new CliExit(1, `tokentrail ${name}: not available yet`);
    });
}
