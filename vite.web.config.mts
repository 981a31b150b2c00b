import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Web build of the renderer: the same app, runnable in any Chromium without Electron.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist-web', emptyOutDir: true, target: 'es2023', sourcemap: false },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173 },
  server: { host: '127.0.0.1' },
});
