// The embedded default database: PGlite (PostgreSQL compiled to WASM) served on a loopback port,
// so a fresh clone runs without installing PostgreSQL. Used only when DATABASE_URL is unset.
import { mkdir } from 'node:fs/promises';

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * Connections each process opens to the embedded database. PGlite is one backend that runs one
 * query at a time; its socket server multiplexes connections onto it. More connections would only
 * queue there and interleave transactions, so each process keeps one. (PGlite 0.4.3 with
 * pglite-socket 0.1.3 also mixed up answers after a failed statement in a transaction:
 * lib/db/answers-in-step.db.test.ts guards the upgrade that fixed it.)
 */
export const EMBEDDED_POOL_MAX = 1;

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Starts PGlite with its data in `dataDir` (or in memory when null) and serves it on 127.0.0.1. */
export async function startEmbeddedDatabase(options: {
  dataDir: string | null;
  port?: number;
}): Promise<EmbeddedDatabase> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ?? undefined);
  // PGlite is one backend; the server multiplexes client connections onto it, one query at a time.
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: options.port ?? 0, maxConnections: 32 });
  let port = 0;
  server.addEventListener('listening', (event) => {
    port = (event as CustomEvent<{ port: number }>).detail.port;
  });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
