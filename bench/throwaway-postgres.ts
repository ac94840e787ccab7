// A PostgreSQL cluster of the benchmark's own: initdb into a temporary folder, served on a free
// loopback port with its socket in that folder, so it can be stopped and restarted at will.
// It never touches the machine's PostgreSQL service (127.0.0.1:5432) or any cluster but its own.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/** Debian's server binaries (postgresql-NN), newest version first; PG_BIN_DIR overrides. */
function binDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error(`no PostgreSQL server binaries under ${root}: apt-get install postgresql`);
  return path.join(root, versions[0]!, 'bin');
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export class ThrowawayPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  get url() {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** PostgreSQL refuses to run as root: then its tools run as the `postgres` system user. */
  private run(tool: string, args: string[]) {
    const command = path.join(this.bin, tool);
    const asRoot = userInfo().uid === 0;
    execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  }

  static async create(): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(path.join(tmpdir(), 'glance-faults-pg-'));
    if (userInfo().uid === 0) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, id('-u'), id('-g'));
    }
    const cluster = new ThrowawayPostgres(dir, await freePort(), binDir());
    cluster.run('initdb', ['-D', path.join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    await cluster.start();
    return cluster;
  }

  async start() {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=on -c synchronous_commit=on`;
    this.run('pg_ctl', [
      '-D',
      path.join(this.dir, 'data'),
      '-l',
      path.join(this.dir, 'log'),
      '-o',
      options,
      '-w',
      'start',
    ]);
  }

  /** `immediate` is a crash: no checkpoint, recovery from the WAL on the next start. */
  stop(mode: 'fast' | 'immediate' = 'fast') {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  destroy() {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
