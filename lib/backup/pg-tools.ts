// Runs PostgreSQL's own client tools (pg_dump, pg_restore) against a connection URL: checks that
// they exist and are new enough for the server, and keeps the password out of the process list.
import { spawn } from 'node:child_process';

import pg from 'pg';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export type PgTool = 'pg_dump' | 'pg_restore';

const INSTALL_HINT = 'install PostgreSQL’s client tools (Debian/Ubuntu: apt-get install postgresql-client)';

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool with the URL's password in PGPASSWORD instead of argv, where `ps` would show it. */
export function runTool(tool: PgTool, args: string[], url?: string): Promise<RunResult> {
  let env: NodeJS.ProcessEnv | undefined;
  if (url) {
    const parsed = new URL(url);
    const password = decodeURIComponent(parsed.password);
    parsed.password = '';
    // Prisma's `?schema=` is not a libpq parameter: libpq would refuse the whole URL.
    parsed.searchParams.delete('schema');
    args = [...args, `--dbname=${parsed.toString()}`];
    // The child inherits the environment (PATH, locale, PGSSL* settings): this is not Glance's configuration.
    // eslint-disable-next-line no-restricted-properties
    env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  }
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new BackupError(`${tool} was not found: ${INSTALL_HINT}.`) : error),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The major version of an installed tool ("pg_dump (PostgreSQL) 15.20 (Debian…)" → 15). */
export async function toolMajorVersion(tool: PgTool): Promise<number> {
  const { stdout } = await runTool(tool, ['--version']);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
  if (!match) throw new BackupError(`could not read the version of ${tool} from "${stdout.trim()}"`);
  return Number(match[1]);
}

/** The server's major version, and whether it is the embedded PGlite (PostgreSQL compiled to WASM). */
export async function serverInfo(url: string): Promise<{ major: number; embedded: boolean; database: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string; version: string; database: string }>(
      `SELECT current_setting('server_version_num') AS num, version() AS version, current_database() AS database`,
    );
    const row = rows[0]!;
    return {
      major: Math.floor(Number(row.num) / 10_000),
      embedded: row.version.includes('wasm32'),
      database: row.database,
    };
  } finally {
    await client.end();
  }
}

/**
 * Refuses a tool older than the server: pg_dump cannot read a newer server's catalogs, and a dump
 * made by an older pg_dump may not restore everything a newer server has.
 */
export async function checkToolFor(tool: PgTool, url: string): Promise<{ database: string }> {
  const server = await serverInfo(url);
  if (server.embedded) {
    throw new BackupError(
      `${tool} cannot work on the embedded database (PGlite). It is meant for trying Glance out: to keep it, stop Glance and copy its folder (EMBEDDED_DB_DIR). Use PostgreSQL (DATABASE_URL) for data you need to back up.`,
    );
  }
  const major = await toolMajorVersion(tool);
  if (major < server.major) {
    throw new BackupError(
      `${tool} ${major} is older than the PostgreSQL ${server.major} server: install postgresql-client-${server.major} (or newer) and make sure it comes first on PATH.`,
    );
  }
  return { database: server.database };
}

/** The last lines of a tool's stderr, for an error message (they name the object that failed). */
export function tail(stderr: string, lines = 5): string {
  return stderr.trim().split('\n').slice(-lines).join('\n');
}
