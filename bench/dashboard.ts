// `npm run bench:dashboard`: seeds one big site (1 million events by default; --events=10000000 for ten
// million) among a few smaller ones over 12 months, then times loading the full default dashboard (every
// widget, as the page does) for the last 30 days and for 12 months. The reference, measured in the same
// run, is a single count(*) over the same rows: the floor any dashboard over raw rows has to beat.
// Uses DATABASE_URL's server, or the local PostgreSQL at 127.0.0.1:5432; --keep leaves the database for
// another run (--reuse=NAME uses it again without seeding); --periods=30d times only that period;
// --unfiltered leaves out the loads filtered by a page.
import pg from 'pg';

import { createDatabase, createPool } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { loadDashboard } from '@/lib/stats/dashboard';
import { utcDay } from '@/lib/privacy/salts';
import { parseDashboardView } from '@/lib/stats/dashboard-view';
import { buildRollupDay } from '@/lib/stats/rollups/build-rollups';
import { closedBeforeAt, runRollups } from '@/lib/stats/rollups/run-rollups';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const EVENTS = Number(option('events') ?? 1_000_000);
const RUNS = Number(option('runs') ?? 15);
const REUSE = option('reuse');
const PERIODS = (option('periods') ?? '30d,12mo').split(',') as ('30d' | '12mo')[];
const KEEP = process.argv.includes('--keep') || Boolean(REUSE);
/** --unfiltered skips the page-filtered loads (at 10 million events they take 10–50 s each). */
const FILTERED = !process.argv.includes('--unfiltered');
const OTHER_SITES = 3;

const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(sql);
  await client.end();
};

/**
 * Visits with 1–6 pageviews each (about 3 on average), spread over 365 days, plus a Signup event on some.
 * Rows are inserted in time order, as ingest writes them: a day's rows sit together on disk.
 */
async function seedSite(pool: pg.Pool, siteId: string, events: number) {
  const visits = Math.round(events / 3.2);
  await pool.query(
    `INSERT INTO "Visit" ("siteId", "visitorId", "startedAt", "lastSeenAt", "entryPath", "exitPath", pageviews, events,
       "referrerDomain", "referrerSource", channel, "utmSource", "utmMedium", "utmCampaign", country, region, city,
       browser, "browserVersion", os, "osVersion", device, screen)
     SELECT $1, (random() * 9e18)::bigint, started, started + make_interval(secs => (pv - 1) * 40), entry, entry, pv, pv + signup,
       src.domain, src.name, src.channel, CASE WHEN g % 7 = 0 THEN 'newsletter' END, CASE WHEN g % 7 = 0 THEN 'email' END,
       CASE WHEN g % 7 = 0 THEN 'autumn' END, (ARRAY['US','DE','GB','FR','IN','NL','CA','BR','JP','ES','IT','SE'])[1 + g % 12],
       NULL, NULL, (ARRAY['Chrome','Safari','Firefox','Edge','Mobile Safari'])[1 + g % 5], '1' || (g % 40)::text,
       (ARRAY['Windows','macOS','iOS','Android','Linux'])[1 + g % 5], NULL,
       (ARRAY['desktop','mobile','tablet'])[1 + g % 3], (ARRAY['desktop','mobile','tablet','laptop'])[1 + g % 4]
     FROM (
       SELECT g, now() - (random() ^ 1.3) * interval '365 days' AS started, 1 + floor(random() * 6)::int AS pv,
              (random() < 0.03)::int AS signup, '/' || (ARRAY['', 'pricing', 'blog', 'docs', 'about', 'features'])[1 + g % 6] ||
              CASE WHEN g % 6 = 2 THEN '/post-' || (g % 300)::text ELSE '' END AS entry,
              g % 8 AS source
       FROM generate_series(1, $2::int) g
     ) v
     JOIN (VALUES (0, NULL, NULL, 'direct'), (1, 'www.google.com', 'Google', 'search'), (2, 'www.google.com', 'Google', 'search'),
                  (3, 'news.ycombinator.com', 'Hacker News', 'social'), (4, 'duckduckgo.com', 'DuckDuckGo', 'search'),
                  (5, NULL, NULL, 'direct'), (6, 'github.com', 'GitHub', 'referral'), (7, 'mail.google.com', 'Gmail', 'email'))
       AS src(id, domain, name, channel) ON src.id = v.source
     ORDER BY v.started`,
    [siteId, visits],
  );
  await pool.query(
    `INSERT INTO "Event" ("siteId", "timestamp", name, "visitorId", "visitId", hostname, pathname, "referrerDomain",
       "referrerSource", channel, "utmSource", "utmMedium", "utmCampaign", country, browser, "browserVersion", os,
       device, screen, props, "revenueAmount", "revenueCurrency")
     SELECT v."siteId", v."startedAt" + make_interval(secs => (n - 1) * 40), CASE WHEN n > v.pageviews THEN 'Signup' ELSE 'pageview' END,
       v."visitorId", v.id, 'bench.example.com',
       CASE WHEN n = 1 THEN v."entryPath" ELSE '/' || (ARRAY['pricing','blog','docs','about','features','signup'])[1 + (v.id + n) % 6] END,
       v."referrerDomain", v."referrerSource", v.channel, v."utmSource", v."utmMedium", v."utmCampaign", v.country, v.browser,
       v."browserVersion", v.os, v.device, v.screen,
       CASE WHEN n > v.pageviews THEN '{"plan":"pro"}'::jsonb END, CASE WHEN n > v.pageviews THEN 19 END,
       CASE WHEN n > v.pageviews THEN 'EUR' END
     FROM "Visit" v, generate_series(1, v.events) n
     WHERE v."siteId" = $1
     ORDER BY 2`,
    [siteId],
  );
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(label: string, fn: () => Promise<unknown>) {
  await fn(); // warm up caches and the plan cache
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const line = { label, p50: Math.round(percentile(samples, 50)), p95: Math.round(percentile(samples, 95)) };
  console.log(`${label.padEnd(44)} p50 ${String(line.p50).padStart(6)} ms   p95 ${String(line.p95).padStart(6)} ms`);
  return line;
}

async function main() {
  const name = REUSE ?? `glance_bench_dash_${EVENTS}_${Date.now()}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  if (!REUSE) await admin(`CREATE DATABASE ${name}`);
  // The app's own pool settings (JIT off among them), as the dashboard page has them.
  const pool = createPool({ url: url.toString(), max: 10 });
  const db = createDatabase({ url: url.toString() }, pool);
  try {
    if (!REUSE) {
      await migrate({ url: url.toString() });
      const seeding = performance.now();
      const team = await db.team.create({ data: { name: 'Bench' } });
      const site = await db.site.create({
        data: { teamId: team.id, domain: 'bench.example.com', timezone: 'Europe/Berlin' },
      });
      await db.goal.createMany({
        data: [
          { siteId: site.id, kind: 'EVENT', eventName: 'Signup', displayName: 'Signup' },
          { siteId: site.id, kind: 'PAGEVIEW', pathPattern: '/pricing', displayName: 'Visit /pricing' },
          { siteId: site.id, kind: 'PAGEVIEW', pathPattern: '/blog/**', displayName: 'Read the blog' },
        ],
      });
      await seedSite(pool, site.id, EVENTS);
      for (let other = 0; other < OTHER_SITES; other++) {
        const neighbour = await db.site.create({ data: { teamId: team.id, domain: `other-${other}.example.com` } });
        await seedSite(pool, neighbour.id, Math.round(EVENTS / 10));
      }
      await pool.query('VACUUM ANALYZE "Event"');
      await pool.query('VACUUM ANALYZE "Visit"');
      console.log(`Seeded in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);
    }
    const building = performance.now();
    const rollups = await runRollups(db, new Date());
    await pool.query('VACUUM ANALYZE "Rollup"');
    console.log(
      `Rollups: ${rollups.days} days, and ${rollups.partialDays} days not over yet in part, built in ${((performance.now() - building) / 1000).toFixed(0)} s (the job builds a day once, and the day not over yet again on every run)`,
    );
    const site = (await db.site.findFirstOrThrow({ where: { domain: 'bench.example.com' } }))!;
    // The worst case for the day not over yet: the job last ran a whole interval (15 min) before the
    // latest event, so the part read raw is the last 75 minutes of traffic, not what it happens to be now.
    const latest = await pool.query('SELECT max("timestamp") AS at FROM "Event" WHERE "siteId" = $1', [site.id]);
    const jobRan = new Date(latest.rows[0].at.getTime() - 15 * 60_000);
    if (closedBeforeAt(jobRan) > new Date(`${utcDay(jobRan)}T00:00:00Z`)) {
      await buildRollupDay(db, site.id, utcDay(jobRan), closedBeforeAt(jobRan));
    }
    const today = await pool.query(
      `SELECT d."closedBefore", count(*)::int AS visits, count(*) FILTER (WHERE v."lastSeenAt" >= d."closedBefore")::int AS open
       FROM "RollupDay" d JOIN "Visit" v ON v."siteId" = d."siteId" AND v."startedAt" >= d.day AND v."startedAt" < d.day + 1
       WHERE d."siteId" = $1 AND d."closedBefore" IS NOT NULL GROUP BY 1`,
      [site.id],
    );
    for (const row of today.rows) {
      console.log(
        `Today: ${row.visits.toLocaleString('en')} visits so far, ${row.open.toLocaleString('en')} of them still open at ${row.closedBefore.toISOString()} (read raw; the rest from rollups)`,
      );
    }
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM "Event" WHERE "siteId" = $1', [site.id]);
    const { rows: all } = await pool.query('SELECT count(*)::int AS n FROM "Event"');
    console.log(
      `Site: ${rows[0].n.toLocaleString('en')} events (${all[0].n.toLocaleString('en')} in the database); ${RUNS} runs each\n`,
    );

    for (const period of PERIODS) {
      const view = parseDashboardView({ period });
      const days = period === '30d' ? 30 : 365;
      await time(`reference: count(*) of the events, ${period}`, () =>
        pool.query(
          `SELECT count(*) FROM "Event" WHERE "siteId" = $1 AND "timestamp" >= now() - make_interval(days => $2)`,
          [site.id, days],
        ),
      );
      await time(`full dashboard, ${period}`, () => loadDashboard(db, site, view));
      if (FILTERED) {
        await time(`full dashboard, ${period}, filtered by a page`, () =>
          loadDashboard(db, site, parseDashboardView({ period, f: 'page:is:%2Fpricing' })),
        );
      }
    }
  } finally {
    await db.$disconnect();
    await pool.end();
    if (!KEEP) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    else console.log(`\nKept database ${name} (--reuse=${name})`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
