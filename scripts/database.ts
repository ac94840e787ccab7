// Resolves the database for a command: DATABASE_URL when set, else the embedded PGlite.
import { existsSync } from 'node:fs';

import { config } from '@/lib/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db/embedded';

// Scripts read .env like Next.js does (variables already in the environment win).
if (existsSync('.env')) process.loadEnvFile('.env');

export async function openDatabase(
  options: { inMemory?: boolean } = {},
): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  const { DATABASE_URL, EMBEDDED_DB_DIR } = config();
  if (DATABASE_URL) return { url: DATABASE_URL, embedded: null };
  const dataDir = options.inMemory || EMBEDDED_DB_DIR === 'memory' ? null : EMBEDDED_DB_DIR;
  const embedded = await startEmbeddedDatabase({ dataDir });
  return { url: embedded.url, embedded };
}

/** Prints a configuration error without a stack trace and exits. */
export function exitOnError(error: unknown): never {
  console.error(error instanceof Error && error.name !== 'Error' ? error.message : error);
  process.exit(1);
}
