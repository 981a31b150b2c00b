import { defineConfig } from '@playwright/test';

// scripts/test.cjs picks a free port (TOKENTRAIL_E2E_PORT) so parallel runs on one machine do not collide.
const port = Number(process.env.TOKENTRAIL_E2E_PORT ?? 4173);

// The renderer is tested as a web app in Debian's Chromium (no Electron binary on these machines).
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    command: `npm run -s build:web && npx vite preview --config vite.web.config.mts --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
