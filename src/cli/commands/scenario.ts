import { createWriteStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { type Command, Option } from 'commander';
import { generateScenario, parseSize, SCENARIOS, ScenarioError } from '../../scenario/index';
import { CliExit, type CliIo } from '../io';

interface ScenarioFlags {
  seed: string;
  size: string;
  difficulty: 'easy' | 'normal' | 'hard';
  out?: string;
}

function listText(): string {
  const w = Math.max(...SCENARIOS.map((s) => s.name.length));
  return SCENARIOS.map((s) => `${s.name.padEnd(w)}  ${s.description}\n`).join('');
}

/** Writes one file from its chunks, honouring backpressure so memory stays constant. */
async function writeChunks(path: string, chunks: AsyncIterable<Uint8Array>): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const ws = createWriteStream(path);
  let n = 0;
  try {
    for await (const c of chunks) {
      n += c.length;
      if (!ws.write(c)) await once(ws, 'drain');
    }
  } finally {
    ws.end();
    await once(ws, 'close');
  }
  return n;
}

/**
 * `tokentrail scenario list` and `tokentrail scenario <name> --out DIR`: writes the bundle to
 * DIR/bundle/ and the answer key to DIR/answers.json (outside what a trainee analyses).
 */
export function registerScenario(program: Command, io: CliIo): void {
  program
    .command('scenario')
    .description('generate a realistic incident bundle with an answer key (`scenario list` names them)')
    .argument('<name>', "scenario name, or 'list'")
    .option('--seed <n>', 'random seed (same seed, same bytes)', '1')
    .option('--size <size>', 'approximate bundle size, 1MB to 1GB (e.g. 5MB)', '3MB')
    .addOption(new Option('--difficulty <level>', 'noise, clock skew and missing logs').choices(['easy', 'normal', 'hard']).default('normal'))
    .option('--out <dir>', 'output directory (bundle/ and answers.json are written inside)')
    .action(async (name: string, flags: ScenarioFlags) => {
      if (name === 'list') {
        io.out(listText());
        return;
      }
      if (!SCENARIOS.some((s) => s.name === name)) throw new CliExit(2, `scenario: unknown scenario '${name}'; known scenarios:\n${listText()}`);
      if (!flags.out) throw new CliExit(2, 'scenario: --out DIR is required');
      if (!/^\d+$/.test(flags.seed)) throw new CliExit(2, `scenario: --seed must be a non-negative integer, got '${flags.seed}'`);
      const size = parseSize(flags.size);
      if (size === undefined) throw new CliExit(2, `scenario: --size is not a size: '${flags.size}' (try 5MB or 1GB)`);
      const out = resolve(flags.out);
      const existing = await readdir(out).catch(() => [] as string[]);
      if (existing.includes('bundle') || existing.includes('answers.json')) throw new CliExit(2, `scenario: ${out} already holds a bundle/ or answers.json; give a new directory`);
      let gen: Awaited<ReturnType<typeof generateScenario>>;
      try {
        gen = await generateScenario({ name, seed: Number(flags.seed), size, difficulty: flags.difficulty });
      } catch (e) {
        if (e instanceof ScenarioError) throw new CliExit(2, `scenario: ${e.message}`);
        throw e;
      }
      let total = 0;
      let files = 0;
      for await (const f of gen.files) {
        const path = f.role === 'answers' ? join(out, f.path) : join(out, 'bundle', f.path);
        const n = await writeChunks(path, f.chunks);
        if (f.role === 'bundle') {
          total += n;
          files++;
        }
      }
      io.err(`scenario ${name}: wrote ${files} files (${total} bytes) to ${join(out, 'bundle')} and the answer key to ${join(out, 'answers.json')}\n`);
    });
}
