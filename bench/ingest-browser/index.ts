/// <reference lib="dom" />
/**
 * Browser store benchmark (issue 6 performance): N generated events stored through the renderer's
 * case store (paged records) in Chromium, against the naive layout (one record per event, Dexie
 * bulkAdd) measured in the same run. Goal: 1M events stored and browsable in ≤ 20 s, JS heap
 * ≤ 1.5 GB. The naive baseline runs on fewer events (it takes ~90 s for 1M); rates are compared.
 *
 *   npm run bench -- ingest-browser          (BENCH_EVENTS=1000000 BENCH_NAIVE_EVENTS=100000 BENCH_INPUTS=8)
 *
 * Measures the store only: the ingestion core (parsing) is benchmarked by bench/ingest.
 */
import path from 'node:path';
import { build } from 'vite';
import { withPreviewBrowser } from '../common/browser';
import { type CpuProfile, printProfile } from './cpu-profile';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const NAIVE = Number(process.env.BENCH_NAIVE_EVENTS ?? 100_000);
/** Inputs the events come from (each in its own time order, all overlapping in time); over 24 sorted runs the store rewrites them as one. */
const INPUTS = Number(process.env.BENCH_INPUTS ?? 8);
const root = path.join(__dirname, 'page');
const outDir = path.join(__dirname, '..', '.data', 'ingest-browser-dist');

async function main() {
  await build({ root, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2023', minify: false, modulePreload: { polyfill: false } } });
  await withPreviewBrowser({ root, outDir }, async (url, browser) => {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'ready');
    let peak = 0;
    const sample = setInterval(async () => {
      try {
        const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        peak = Math.max(peak, h.usedSize);
      } catch {
        // the page may be busy closing; the next sample counts
      }
    }, 100);
    // BENCH_PROFILE=1: a CPU profile of the paged run, summarised by self time (for finding hot spots).
    if (process.env.BENCH_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const t0 = Date.now();
    const p = await page.evaluate(([n, k]) => window.bench.paged(n, k), [N, INPUTS] as const);
    const pagedWall = Date.now() - t0;
    if (process.env.BENCH_PROFILE) printProfile(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
    const pagedPeak = peak;
    peak = 0;
    const nv = await page.evaluate((n) => window.bench.naive(n), NAIVE);
    clearInterval(sample);
    const pagedRate = N / (p.storedAndSortedMs / 1000);
    const naiveRate = NAIVE / (nv.storedMs / 1000);
    const mb = (b: number) => `${Math.round(b / 1e6)} MB`;
    console.log(`paged store: ${N.toLocaleString('en')} events stored in ${(p.storedMs / 1000).toFixed(1)} s, finalized in ${(p.storedAndSortedMs / 1000).toFixed(1)} s (${Math.round(pagedRate).toLocaleString('en')} ev/s incl. making the events), peak JS heap ${mb(pagedPeak)}`);
    console.log(`  of which in the store: ${(p.inStoreMs / 1000).toFixed(1)} s (${Math.round(N / (p.inStoreMs / 1000)).toLocaleString('en')} ev/s); the rest is the generator standing in for the parsers; ${p.runs} sorted runs`);
    console.log(`  open + browse in a fresh store (index load + merge, count, 200 rows at the middle): ${p.browseMs} ms; 200 rows elsewhere: ${p.jumpMs} ms`);
    console.log(`  pivot ip count: ${p.pivotMs} ms (${p.pivotHits} hits); text filter over all, first (loads search text): ${p.textMs} ms (${p.textHits} hits), next: ${p.text2Ms} ms (${p.text2Hits} hits)`);
    console.log(`naive (1 record/event): ${NAIVE.toLocaleString('en')} events in ${(nv.storedMs / 1000).toFixed(1)} s (${Math.round(naiveRate).toLocaleString('en')} ev/s); browse ${nv.browseMs} ms; pivot ${nv.pivotMs} ms`);
    console.log(`ratio: paged stores ${(pagedRate / naiveRate).toFixed(1)}x the naive rate; 1M naive ≈ ${(1e6 / naiveRate).toFixed(0)} s`);
    const total = p.storedAndSortedMs + p.browseMs;
    console.log(`stored + browsable: ${(total / 1000).toFixed(1)} s including the generator, ${((p.inStoreMs + p.browseMs) / 1000).toFixed(1)} s store only`);
    console.log(`goal 1M stored+browsable ≤ 20 s: ${(N >= 1e6 ? total <= 20_000 : 'n/a (N < 1M)').toString()}; heap ≤ 1.5 GB: ${pagedPeak <= 1.5e9}; wall ${(pagedWall / 1000).toFixed(1)} s`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
