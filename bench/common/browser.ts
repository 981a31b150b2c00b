/**
 * The browser benches' harness: a Vite preview server over a built folder and Debian's Chromium
 * (no sandbox, no GPU, a 4 GB JS heap for million-event cases), both closed however the run ends.
 */
import { type Browser, chromium } from '@playwright/test';
import { preview } from 'vite';

export async function withPreviewBrowser<T>(site: { root: string; outDir: string }, run: (url: string, browser: Browser) => Promise<T>): Promise<T> {
  const server = await preview({ root: site.root, configFile: false, logLevel: 'warn', build: { outDir: site.outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--js-flags=--max-old-space-size=4096'],
    });
    try {
      return await run(url, browser);
    } finally {
      await browser.close();
    }
  } finally {
    server.httpServer.close();
  }
}
