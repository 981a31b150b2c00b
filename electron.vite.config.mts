import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import web from './vite.web.config.mjs';

// Desktop build: main (ESM-free CommonJS bundle), sandboxed preload (must be CommonJS) and the
// renderer. Our layout is main/ + renderer/, so every input is explicit. The renderer reuses the
// web build's root, plugins (React) and worker settings: one renderer, two hosts.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { main: resolve(__dirname, 'main/main.ts') }, output: { format: 'cjs', entryFileNames: '[name].js' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { preload: resolve(__dirname, 'main/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].js' } },
    },
  },
  renderer: {
    root: web.root,
    base: web.base,
    plugins: web.plugins,
    worker: web.worker,
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      target: 'es2023',
      sourcemap: false,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
