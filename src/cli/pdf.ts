import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliExit } from './io';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** The headless Chromium the CLI prints PDFs with, or undefined. */
export function findChromium(): string | undefined {
  const env = process.env.CHROMIUM_PATH;
  if (env && existsSync(env)) return env;
  return CANDIDATES.find((p) => existsSync(p));
}

/** Prints self-contained HTML to a PDF file with headless Chromium (offline, no network). */
export async function htmlToPdf(html: string, outFile: string): Promise<void> {
  const chromium = findChromium();
  if (!chromium) throw new CliExit(1, 'PDF needs Chromium (set CHROMIUM_PATH or install chromium); use --format html and print it instead');
  const dir = await mkdtemp(join(tmpdir(), 'tokentrail-pdf-'));
  try {
    const htmlFile = join(dir, 'report.html');
    await writeFile(htmlFile, html);
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-extensions', `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer', `--print-to-pdf=${outFile}`, pathToFileURL(htmlFile).href,
    ];
    const code = await new Promise<number>((resolve, reject) => {
      const p = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr.on('data', (d) => {
        err += String(d);
      });
      p.on('error', reject);
      p.on('close', (c) => (c === 0 || existsSync(outFile) ? resolve(c ?? 0) : reject(new Error(`chromium exited ${c}: ${err.split('\n').slice(-3).join(' ')}`))));
    });
    if (!existsSync(outFile)) throw new CliExit(1, `chromium did not write ${outFile} (exit ${code})`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
