// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the last committed schema (git HEAD) to prisma/schema.prisma.
// Prisma 7's CLI needs a native engine that offline machines cannot download; Prisma 6.19's
// `migrate diff` runs on its bundled WASM engine, so it is used here, in a scratch folder. In that mode
// it connects to the adapter's database (an empty in-memory PGlite here), so no server is needed.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startEmbeddedDatabase } from '@/lib/db/embedded';

const name = process.argv[2]?.replace(/[^a-z0-9_]/gi, '_');
if (!name) {
  console.error('usage: npm run db:new-migration -- <name>');
  process.exit(1);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'glance-migration-'));
const scratchDatabase = await startEmbeddedDatabase({ dataDir: null });
const forPrisma6 = (schema: string) =>
  schema.replace(/provider = "postgresql"/, `provider = "postgresql"\n  url = "${scratchDatabase.url}"`);

const current = readFileSync('prisma/schema.prisma', 'utf8');
let previous: string | null = null;
try {
  previous = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { encoding: 'utf8' });
} catch {
  previous = null;
}
writeFileSync(path.join(scratch, 'to.prisma'), forPrisma6(current));
if (previous) writeFileSync(path.join(scratch, 'from.prisma'), forPrisma6(previous));
writeFileSync(path.join(scratch, 'package.json'), '{"private":true}');
writeFileSync(
  path.join(scratch, 'prisma.config.ts'),
  `import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'to.prisma',
  adapter: async () => new PrismaPg({ connectionString: '${scratchDatabase.url}' }),
} as never);
`,
);
execFileSync('npm', ['install', '--silent', 'prisma@6.19.3', '@prisma/adapter-pg@6.19.3'], {
  cwd: scratch,
  stdio: 'inherit',
});
const from = previous ? ['--from-schema-datamodel', 'from.prisma'] : ['--from-empty'];
// Asynchronously: the scratch database is served from this process, which must keep answering it.
const { stdout: sql } = await promisify(execFile)(
  'npx',
  ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', 'to.prisma', '--script'],
  {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', PRISMA_QUERY_ENGINE_LIBRARY: '/bin/false' },
  },
);
await scratchDatabase.stop();
if (!sql.trim() || sql.includes('-- This is an empty migration.')) {
  console.log('The schema has not changed since HEAD; nothing written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${dir}/migration.sql: review it, then commit it with the schema change.`);
