// `npm test`: every check a change must pass, in order, stopping at the first failure.
// Integration tests use DATABASE_URL when set, else a throw-away embedded PGlite; the end-to-end
// suite drives a production build in Chromium (Debian's /usr/bin/chromium when present).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Glance is a privacy product: its own tooling does not phone home either.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

/** Debian's Chromium, CHROMIUM_PATH, or else Playwright's own browser (downloaded once, needs internet). */
function browserInstallCommand(): string[] | null {
  if (process.env.CHROMIUM_PATH || existsSync('/usr/bin/chromium')) return null;
  return ['npx', 'playwright', 'install', 'chromium'];
}

const steps: [string, string[]][] = [
  ['Generate the Prisma client', ['npm', 'run', '--silent', 'db:generate']],
  ['Check formatting', ['npx', 'prettier', '--check', '--log-level', 'warn', '.']],
  ['Type-check', ['npx', 'tsc', '--noEmit']],
  ['Lint', ['npx', 'eslint', '.', '--max-warnings=0']],
  // Fails on high/critical advisories; says loudly (and passes) when the advisory database is unreachable.
  ['Audit production dependencies', ['npx', 'tsx', 'scripts/audit.ts']],
  ['Unit tests', ['npx', 'vitest', 'run', '--project', 'unit']],
  [
    'Integration tests (PostgreSQL)',
    ['npx', 'tsx', 'scripts/with-database.ts', 'npx', 'vitest', 'run', '--project', 'db'],
  ],
  ['Production build (tracker and app)', ['npm', 'run', '--silent', 'build']],
  // Through with-database too: the app and the tests then share one database they can both read.
  ['End-to-end tests (Chromium)', ['npx', 'tsx', 'scripts/with-database.ts', 'npx', 'playwright', 'test']],
];
const browserInstall = browserInstallCommand();
if (browserInstall) steps.splice(steps.length - 1, 0, ['Install Playwright Chromium', browserInstall]);

const only = process.argv.slice(2);
const started = Date.now();
for (const [title, [command, ...args]] of steps) {
  if (only.length && !only.some((word) => title.toLowerCase().includes(word.toLowerCase()))) continue;
  console.log(`\n▶ ${title}`);
  const stepStarted = Date.now();
  const result = spawnSync(command!, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds}s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
