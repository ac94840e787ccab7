// End-to-end tests drive a production build (`next build` first) in a real Chromium.
import { existsSync } from 'node:fs';

import { defineConfig, devices } from '@playwright/test';

import { APP_PORT as port, FAKE_STRIPE_PORT, MAIL_SINK_HTTP_PORT, MAIL_SINK_SMTP_PORT } from './e2e/ports';
import { E2E_STRIPE_ENV, FAKE_STRIPE_COMMAND } from './e2e/stripe';

// Debian's Chromium where present (offline machines cannot download Playwright's own build).
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two cores and a one-connection embedded database: a long user story may need more than a minute.
  timeout: 120_000,
  // The embedded database serves one connection: a full dashboard can take a second or two to render.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // The e2e customer website (e2e/track-a-website.spec.ts) is a real local server on its own origin.
        '--host-resolver-rules=MAP demo.glance.local 127.0.0.1',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: `npx tsx scripts/mail-sink.ts --smtp-port ${MAIL_SINK_SMTP_PORT} --http-port ${MAIL_SINK_HTTP_PORT}`,
      url: `http://127.0.0.1:${MAIL_SINK_HTTP_PORT}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      // Stripe cannot be reached from here: a local Stripe-compatible server stands in (billing e2e).
      command: FAKE_STRIPE_COMMAND,
      url: `http://127.0.0.1:${FAKE_STRIPE_PORT}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: 'npx tsx scripts/start.ts --no-build',
      url: `http://localhost:${port}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(port),
        APP_URL: `http://localhost:${port}`,
        // Without DATABASE_URL the app gets a fresh in-memory PGlite with the demo data.
        EMBEDDED_DB_DIR: 'memory',
        DEMO_DATA: 'true',
        NEXT_TELEMETRY_DISABLED: '1',
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SINK_SMTP_PORT}`,
        ...E2E_STRIPE_ENV,
      },
    },
  ],
});
