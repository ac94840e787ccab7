// Daily salts: 32 random bytes per UTC day, created on first use and deleted (from the database and
// from memory) as soon as no visit can still need them. Without the salt, a visitor id cannot be
// recomputed from an IP address and User-Agent, so yesterday's ids become anonymous for good.
import { randomBytes } from 'node:crypto';

import type { Database } from '@/lib/db/client';
import { VISIT_TIMEOUT_MS } from '@/lib/events/visit-timeout';

/** Length of each day's random salt: 256 bits, as long as the HMAC-SHA256 key block needs to be strong. */
export const SALT_BYTES = 32;
/** A visit that started before midnight may continue this long after it. */
export const SALT_GRACE_MS = VISIT_TIMEOUT_MS;
const DAY_MS = 86_400_000;

export const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const previousDay = (day: string) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS));

export interface DaySalts {
  current: Buffer;
  /** Yesterday's salt, only while visits from before midnight may still be going on. */
  previous: Buffer | null;
}

export class SaltStore {
  private readonly cache = new Map<string, Buffer>();
  private readonly pending = new Map<string, Promise<Buffer>>();
  private rotatedFor: string | null = null;

  constructor(private readonly db: Database) {}

  /** The salts needed to identify a visitor at `now`; deletes the ones no longer needed on the way. */
  async saltsAt(now: Date): Promise<DaySalts> {
    const day = utcDay(now);
    const inGrace = now.getTime() - Date.parse(`${day}T00:00:00Z`) < SALT_GRACE_MS;
    const keepFrom = inGrace ? previousDay(day) : day;
    if (keepFrom !== this.rotatedFor) {
      await this.rotate(now);
      this.rotatedFor = keepFrom;
    }
    const current = await this.saltFor(day);
    const previous = inGrace ? await this.existingSalt(previousDay(day)) : null;
    return { current, previous };
  }

  private async saltFor(day: string): Promise<Buffer> {
    const cached = this.cache.get(day);
    if (cached) return cached;
    let loading = this.pending.get(day);
    if (!loading) {
      loading = this.loadOrCreate(day).finally(() => this.pending.delete(day));
      this.pending.set(day, loading);
    }
    return loading;
  }

  private async loadOrCreate(day: string): Promise<Buffer> {
    // Several instances may race to create the day's salt: the first insert wins, all read it back.
    await this.db.$executeRaw`
      INSERT INTO "DailySalt" (day, salt) VALUES (${day}::date, ${new Uint8Array(randomBytes(SALT_BYTES))})
      ON CONFLICT (day) DO NOTHING`;
    const salt = await this.existingSalt(day);
    if (!salt) throw new Error(`salt for ${day} vanished while it was being created`);
    return salt;
  }

  private async existingSalt(day: string): Promise<Buffer | null> {
    const cached = this.cache.get(day);
    if (cached) return cached;
    const row = await this.db.dailySalt.findUnique({ where: { day: new Date(`${day}T00:00:00Z`) } });
    if (!row) return null;
    const salt = Buffer.from(row.salt);
    this.cache.set(day, salt);
    return salt;
  }

  /**
   * Deletes every salt that no visit can need at `now`: all days before yesterday, and yesterday
   * too once the grace period after midnight is over. Memory copies are zeroed before release.
   */
  async rotate(now: Date): Promise<number> {
    const today = utcDay(now);
    const keepFrom = now.getTime() - Date.parse(`${today}T00:00:00Z`) < SALT_GRACE_MS ? previousDay(today) : today;
    const deleted = await this.db.$executeRaw`DELETE FROM "DailySalt" WHERE day < ${keepFrom}::date`;
    for (const [day, salt] of this.cache) {
      if (day < keepFrom) {
        salt.fill(0);
        this.cache.delete(day);
      }
    }
    return deleted;
  }

  /** Days whose salts this process holds in memory (for tests and diagnostics). */
  cachedDays(): string[] {
    return [...this.cache.keys()].sort();
  }
}
