import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { type Command, Option } from 'commander';
import { REDACTION_PROFILES, type RedactionProfile } from '../../model/redaction';
import { redactStream } from '../../redact/stream';
import { CliExit, type CliIo } from '../io';

interface RedactFlags {
  profile: RedactionProfile;
  key?: string;
  out?: string;
  stats?: boolean;
}

export function registerRedact(program: Command, io: CliIo): void {
  program
    .command('redact')
    .description('redact credentials from files or stdin (constant memory); vo/public also pseudonymise people, IPs and hosts')
    .argument('[files...]', 'files to redact (default or -: stdin)')
    .addOption(new Option('--profile <profile>', 'csirt: secrets only; vo, public: also pseudonymise').choices([...REDACTION_PROFILES]).default('csirt'))
    .option('--key <hex>', 'pseudonymisation key (≥ 32 hex chars; default: random, so aliases differ per run)')
    .option('--out <file>', 'write here instead of stdout')
    .option('--stats', 'print counts per credential kind on stderr')
    .action(async (files: string[], flags: RedactFlags) => {
      if (flags.key && !/^[0-9a-fA-F]{32,}$/.test(flags.key)) throw new CliExit(2, 'redact: --key must be at least 32 hex characters');
      const key = flags.key ?? Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
      const { stream, redactor } = redactStream({ profile: flags.profile, pseudonymKey: key });
      const sources = files.length ? files : ['-'];
      const done = flags.out
        ? stream.readable.pipeThrough(new TextEncoderStream()).pipeTo(Writable.toWeb(createWriteStream(flags.out)) as WritableStream<Uint8Array>)
        : stream.readable.pipeTo(new WritableStream<string>({ write: (s) => io.out(s) }));
      const writer = stream.writable.getWriter();
      for (const f of sources) {
        const nodeStream = f === '-' ? process.stdin : createReadStream(f);
        const web = Readable.toWeb(nodeStream) as ReadableStream<Uint8Array>;
        const reader = web.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).getReader();
        try {
          for (;;) {
            const { value, done: end } = await reader.read();
            if (end) break;
            await writer.write(value);
          }
        } catch (e) {
          throw new CliExit(1, `redact: cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        }
      }
      await writer.close();
      await done;
      if (flags.stats) {
        const counts = Object.entries(redactor.counts()).sort();
        io.err(`redacted: ${counts.length ? counts.map(([k, n]) => `${k}=${n}`).join(' ') : 'nothing'}\n`);
      }
    });
}
