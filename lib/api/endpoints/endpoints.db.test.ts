// Every public API endpoint against a real database: tokens (missing, expired, revoked, foreign team),
// scopes, tenant isolation, validation, size caps, rate limits, and numbers equal to the dashboard's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';
import { loadDashboard } from '@/lib/stats/dashboard';
import { parseDashboardView } from '@/lib/stats/dashboard-view';
import { queryStats } from '@/lib/stats/query/query-stats';

import { revokeApiToken } from '../manage-tokens';
import { createApiLimiters } from '../rate-limit';
import { hashToken } from '../token-secret';
import { apiRequest, createApiTeam, errorCode, testDeps } from '../test-api';
import { findSharedLink } from '@/lib/sharing/shared-link-access';

import {
  createGoal,
  createSharedLink,
  createSite,
  deleteGoal,
  deleteSharedLink,
  deleteSite,
  getSite,
  listGoals,
  listSharedLinks,
  listSites,
  updateSite,
} from './sites';
import { getRealtime, getStatsQuery, postStatsQuery, postV2Query } from './stats';

let test: TestDatabase;
let a: Awaited<ReturnType<typeof createApiTeam>>;
let b: Awaited<ReturnType<typeof createApiTeam>>;
const NOW = new Date('2026-11-20T12:00:00Z');
const deps = () => testDeps(test.db, () => NOW);
let full: string;

beforeAll(async () => {
  test = await createTestDatabase();
  a = await createApiTeam(test.db, 'Alpha');
  b = await createApiTeam(test.db, 'Beta');
  full = await a.issue(['stats:read', 'sites:read', 'sites:write']);
  const day = (d: number, h = 10) => new Date(Date.UTC(2026, 10, d, h));
  await writeHits(test.pool, [
    testHit(a.site.id, 1n, day(15), '/'),
    testHit(a.site.id, 1n, day(15, 10.1), '/pricing'),
    testHit(a.site.id, 2n, day(16), '/', { place: { country: 'FR', region: null, city: null } }),
    testHit(a.site.id, 3n, day(18), '/blog'),
    testHit(a.site.id, 3n, day(18, 10.05), '/', { name: 'Signup', props: { plan: 'pro' } }),
    testHit(a.site.id, 4n, new Date(NOW.getTime() - 60_000), '/live'),
    testHit(b.site.id, 9n, day(18), '/secret'),
  ]);
  await test.db.goal.create({ data: { siteId: a.site.id, kind: 'EVENT', eventName: 'Signup', displayName: 'Signup' } });
});
afterAll(() => test.drop());

describe('authentication', () => {
  it('answers 401 with the error shape for a missing, unknown, expired or revoked token', async () => {
    const expiring = await a.issue(['sites:read'], { expiresInDays: 7 });
    const revoked = await a.issue(['sites:read']);
    const { id } = await test.db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(revoked) } });
    await revokeApiToken(test.db, { userId: a.owner.id }, a.team.id, id);
    const later = () => new Date(Date.now() + 8 * 86_400_000);
    for (const [token, dependencies] of [
      [null, deps()],
      [`glc_${'x'.repeat(43)}`, deps()],
      [expiring, testDeps(test.db, later)],
      [revoked, deps()],
    ] as const) {
      const response = await listSites(apiRequest('/api/v1/sites', token), dependencies);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.json()).toEqual({
        error: { code: 'unauthorized', message: expect.stringContaining('token') },
      });
    }
    // The expiring one works until it expires.
    expect((await listSites(apiRequest('/api/v1/sites', expiring), deps())).status).toBe(200);
  });

  it('enforces scopes with 403 insufficient_scope, changing nothing', async () => {
    const readOnly = await a.issue(['stats:read']);
    const sitesRead = await a.issue(['sites:read']);
    expect(await errorCode(await listSites(apiRequest('/api/v1/sites', readOnly), deps()))).toBe('insufficient_scope');
    const create = await createSite(
      apiRequest('/api/v1/sites', sitesRead, { body: { domain: 'nope.example.com', timezone: 'UTC' } }),
      deps(),
    );
    expect(create.status).toBe(403);
    expect(await errorCode(create)).toBe('insufficient_scope');
    const del = await deleteSite(apiRequest('/x', sitesRead, { method: 'DELETE' }), deps(), a.site.id);
    expect(del.status).toBe(403);
    const stats = await postStatsQuery(
      apiRequest('/api/v1/stats/query', sitesRead, { body: { siteId: a.site.id, metrics: ['visitors'] } }),
      deps(),
    );
    expect(stats.status).toBe(403);
    expect(await test.db.site.count({ where: { domain: 'nope.example.com' } })).toBe(0);
  });
});

describe('sites and goals', () => {
  it('lists only the token’s team’s sites; another team’s site is 404 for every verb', async () => {
    const list = await listSites(apiRequest('/api/v1/sites', full), deps());
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.headers.get('access-control-allow-origin')).toBeNull();
    const { sites } = (await list.json()) as { sites: { id: string; domain: string }[] };
    expect(sites.map((site) => site.domain)).toEqual(['alpha.example.com']);

    const foreign = b.site.id;
    const answers = await Promise.all([
      getSite(apiRequest('/x', full), deps(), foreign),
      updateSite(apiRequest('/x', full, { method: 'PATCH', body: { timezone: 'Europe/Paris' } }), deps(), foreign),
      deleteSite(apiRequest('/x', full, { method: 'DELETE' }), deps(), foreign),
      listGoals(apiRequest('/x', full), deps(), foreign),
      createGoal(apiRequest('/x', full, { body: { kind: 'EVENT', eventName: 'X' } }), deps(), foreign),
      getRealtime(apiRequest('/x', full), deps(), foreign),
      postStatsQuery(apiRequest('/x', full, { body: { siteId: foreign, metrics: ['visitors'] } }), deps()),
    ]);
    expect(answers.map((response) => response.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(await errorCode(answers[0]!)).toBe('not_found');
    expect(await test.db.site.findUniqueOrThrow({ where: { id: foreign } })).toMatchObject({ timezone: 'UTC' });
    expect(await test.db.goal.count({ where: { siteId: foreign } })).toBe(0);
  });

  it('creates, reads, updates and deletes a site with its goals, audit-logged as the token', async () => {
    const created = await createSite(
      apiRequest('/api/v1/sites', full, {
        body: { domain: 'https://www.New.Example.com/path', timezone: 'Europe/Berlin' },
      }),
      deps(),
    );
    expect(created.status).toBe(201);
    const site = (await created.json()) as { id: string; domain: string; timezone: string };
    expect(site).toMatchObject({ domain: 'new.example.com', timezone: 'Europe/Berlin' });

    const duplicate = await createSite(
      apiRequest('/api/v1/sites', full, { body: { domain: 'beta.example.com', timezone: 'UTC' } }),
      deps(),
    );
    expect([duplicate.status, await errorCode(duplicate)]).toEqual([409, 'conflict']);
    const invalid = await createSite(apiRequest('/api/v1/sites', full, { body: { domain: 'not a domain' } }), deps());
    expect(invalid.status).toBe(400);
    const invalidBody = (await invalid.json()) as { error: { code: string; fieldErrors: Record<string, string> } };
    expect(invalidBody.error.code).toBe('invalid_request');
    expect(Object.keys(invalidBody.error.fieldErrors)).toEqual(['domain', 'timezone']);

    const patched = await updateSite(
      apiRequest('/x', full, { method: 'PATCH', body: { respectDoNotTrack: false, excludedPaths: ['/admin/**'] } }),
      deps(),
      site.id,
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ respectDoNotTrack: false, excludedPaths: ['/admin/**'] });
    const emptyPatch = await updateSite(apiRequest('/x', full, { method: 'PATCH', body: {} }), deps(), site.id);
    expect(emptyPatch.status).toBe(400);

    const goal = await createGoal(
      apiRequest('/x', full, { body: { kind: 'PAGEVIEW', pathPattern: '/thanks' } }),
      deps(),
      site.id,
    );
    expect(goal.status).toBe(201);
    const { id: goalId, displayName } = (await goal.json()) as { id: string; displayName: string };
    expect(displayName).toBe('Visit /thanks');
    const goals = (await (await listGoals(apiRequest('/x', full), deps(), site.id)).json()) as { goals: unknown[] };
    expect(goals.goals).toHaveLength(1);
    expect((await deleteGoal(apiRequest('/x', full, { method: 'DELETE' }), deps(), b.site.id, goalId)).status).toBe(
      404,
    );
    expect((await deleteGoal(apiRequest('/x', full, { method: 'DELETE' }), deps(), site.id, goalId)).status).toBe(204);

    const removed = await deleteSite(apiRequest('/x', full, { method: 'DELETE' }), deps(), site.id);
    expect(removed.status).toBe(204);
    expect((await getSite(apiRequest('/x', full), deps(), site.id)).status).toBe(404);

    const audit = await test.db.auditLog.findMany({
      where: {
        teamId: a.team.id,
        action: { in: ['site.create', 'site.update', 'goal.create', 'goal.delete', 'site.delete'] },
      },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((row) => row.action)).toEqual([
      'site.create',
      'site.update',
      'goal.create',
      'goal.delete',
      'site.delete',
    ]);
    for (const row of audit) {
      expect(row.actorId).toBeNull();
      expect(row.metadata).toMatchObject({ apiTokenId: expect.any(String) });
    }
  });

  it('creates, lists and revokes shared links with sites:write only, never for another team’s site', async () => {
    const reader = await a.issue(['sites:read', 'stats:read']);
    const intruder = await b.issue(['sites:read', 'sites:write']);
    expect((await listSharedLinks(apiRequest('/x', reader), deps(), a.site.id)).status).toBe(403);
    const created = await createSharedLink(
      apiRequest('/x', full, { body: { name: 'Board', allowEmbed: true } }),
      deps(),
      a.site.id,
    );
    expect(created.status).toBe(201);
    const link = (await created.json()) as { id: string; url: string; passwordProtected: boolean; allowEmbed: boolean };
    expect(link).toMatchObject({ passwordProtected: false, allowEmbed: true });
    const slug = link.url.match(/\/share\/([\w-]{22})$/)?.[1];
    expect(await findSharedLink(test.db, slug!)).toMatchObject({ name: 'Board', site: { id: a.site.id } });
    const invalid = await createSharedLink(
      apiRequest('/x', full, { body: { name: 'Locked', password: 'long enough', allowEmbed: true } }),
      deps(),
      a.site.id,
    );
    expect(invalid.status).toBe(400);

    const foreign = await Promise.all([
      listSharedLinks(apiRequest('/x', intruder), deps(), a.site.id),
      createSharedLink(apiRequest('/x', intruder, { body: { name: 'Mine' } }), deps(), a.site.id),
      deleteSharedLink(apiRequest('/x', intruder, { method: 'DELETE' }), deps(), a.site.id, link.id),
      deleteSharedLink(apiRequest('/x', intruder, { method: 'DELETE' }), deps(), b.site.id, link.id),
    ]);
    expect(foreign.map((response) => response.status)).toEqual([404, 404, 404, 404]);
    expect(await findSharedLink(test.db, slug!)).not.toBeNull();

    const listed = (await (await listSharedLinks(apiRequest('/x', full), deps(), a.site.id)).json()) as {
      sharedLinks: { url: string }[];
    };
    expect(listed.sharedLinks.map((entry) => entry.url)).toEqual([link.url]);
    const revoked = await deleteSharedLink(apiRequest('/x', full, { method: 'DELETE' }), deps(), a.site.id, link.id);
    expect(revoked.status).toBe(204);
    expect(await findSharedLink(test.db, slug!)).toBeNull();
    const audit = await test.db.auditLog.findMany({
      where: { teamId: a.team.id, action: { in: ['shared_link.create', 'shared_link.revoke'] } },
      select: { action: true, actorId: true, metadata: true },
    });
    expect(audit).toHaveLength(2);
    for (const entry of audit)
      expect(entry).toMatchObject({ actorId: null, metadata: { apiTokenId: expect.any(String) } });
  });

  it('refuses bodies that are not JSON or too large', async () => {
    const notJson = await createSite(apiRequest('/api/v1/sites', full, { body: '{domain:' }), deps());
    expect([notJson.status, await errorCode(notJson)]).toEqual([400, 'invalid_request']);
    const huge = await createSite(
      apiRequest('/api/v1/sites', full, {
        body: { domain: 'x.example.com', timezone: 'UTC', pad: 'x'.repeat(20_000) },
      }),
      deps(),
    );
    expect([huge.status, await errorCode(huge)]).toEqual([413, 'body_too_large']);
  });
});

describe('stats', () => {
  it('answers exactly what queryStats and the dashboard answer for the same question', async () => {
    const question = {
      metrics: ['visitors', 'visits', 'pageviews', 'bounce_rate', 'visit_duration'] as const,
      dateRange: '7d' as const,
    };
    const response = await postStatsQuery(
      apiRequest('/api/v1/stats/query', full, {
        body: { siteId: a.site.id, ...question, metrics: [...question.metrics] },
      }),
      deps(),
    );
    expect(response.status).toBe(200);
    const api = (await response.json()) as { rows: { metrics: Record<string, number> }[]; range: { from: string } };
    const direct = await queryStats(test.db, a.site, { ...question, metrics: [...question.metrics] }, { now: NOW });
    expect(api.rows).toEqual(JSON.parse(JSON.stringify(direct.rows)));
    expect(api.rows[0]!.metrics.visitors).toBe(4);

    const dashboard = await loadDashboard(test.db, a.site, parseDashboardView({ period: '7d' }), { now: NOW });
    expect(api.rows[0]!.metrics.visitors).toBe(dashboard.topLine.rows[0]!.metrics.visitors);
    expect(api.rows[0]!.metrics.pageviews).toBe(dashboard.topLine.rows[0]!.metrics.pageviews);

    const pages = await postStatsQuery(
      apiRequest('/api/v1/stats/query', full, {
        body: {
          siteId: a.site.id,
          metrics: ['visitors', 'pageviews', 'bounce_rate', 'time_on_page'],
          dimensions: ['page'],
          dateRange: '7d',
          limit: 9,
        },
      }),
      deps(),
    );
    const pageRows = ((await pages.json()) as { rows: unknown[] }).rows;
    expect(pageRows).toEqual(JSON.parse(JSON.stringify(dashboard.breakdowns.pages.result.rows)));
  });

  it('takes the same question as a query string (GET)', async () => {
    const url = `/api/v1/stats/query?siteId=${a.site.id}&metrics=visitors,pageviews&dimensions=country&dateRange=7d`;
    const response = await getStatsQuery(apiRequest(url, full), deps());
    expect(response.status).toBe(200);
    const { rows } = (await response.json()) as { rows: { value: string; metrics: { visitors: number } }[] };
    expect(rows.map((row) => [row.value, row.metrics.visitors])).toEqual([
      ['DE', 3],
      ['FR', 1],
    ]);
    const bad = await getStatsQuery(
      apiRequest(`/api/v1/stats/query?siteId=${a.site.id}&metrics=nonsense`, full),
      deps(),
    );
    expect([bad.status, await errorCode(bad)]).toEqual([400, 'invalid_request']);
  });

  it('answers Plausible v2 queries with the same numbers, and 400 for what it cannot translate', async () => {
    const response = await postV2Query(
      apiRequest('/api/v2/query', full, {
        body: {
          site_id: 'alpha.example.com',
          metrics: ['visitors', 'pageviews'],
          date_range: ['2026-11-14', '2026-11-20'],
          dimensions: ['visit:country'],
          filters: [['is_not', 'event:page', ['/blog']]],
          include: { total_rows: true },
        },
      }),
      deps(),
    );
    expect(response.status).toBe(200);
    const json = (await response.json()) as { results: unknown[]; meta: { total_rows: number } };
    const direct = await queryStats(
      test.db,
      a.site,
      {
        metrics: ['visitors', 'pageviews'],
        dateRange: { from: '2026-11-14', to: '2026-11-20' },
        dimensions: ['country'],
        filters: [{ dimension: 'page', operator: 'is_not', values: ['/blog'] }],
        limit: 10_000,
      },
      { now: NOW },
    );
    expect(json.results).toEqual(
      direct.rows.map((row) => ({ metrics: [row.metrics.visitors, row.metrics.pageviews], dimensions: [row.value] })),
    );
    expect(json.meta.total_rows).toBe(direct.totalRows);

    const daily = await postV2Query(
      apiRequest('/api/v2/query', full, {
        body: {
          site_id: a.site.id,
          metrics: ['visitors'],
          date_range: ['2026-11-15', '2026-11-16'],
          dimensions: ['time:day'],
        },
      }),
      deps(),
    );
    expect(((await daily.json()) as { results: unknown[] }).results).toEqual([
      { metrics: [1], dimensions: ['2026-11-15'] },
      { metrics: [1], dimensions: ['2026-11-16'] },
    ]);

    for (const body of [
      { site_id: a.site.id, metrics: ['scroll_depth'] },
      { site_id: a.site.id, metrics: ['visitors'], date_range: '28d' },
      { site_id: a.site.id, metrics: ['visitors'], filters: [['matches', 'event:page', ['^/b']]] },
      { site_id: a.site.id, metrics: ['visitors'], dimensions: ['visit:country', 'visit:browser'] },
      { site_id: a.site.id, metrics: ['visitors'], include: { comparisons: { mode: 'previous_period' } } },
    ]) {
      const refused = await postV2Query(apiRequest('/api/v2/query', full, { body }), deps());
      expect([refused.status, await errorCode(refused)], JSON.stringify(body)).toEqual([400, 'invalid_request']);
    }
    const foreign = await postV2Query(
      apiRequest('/api/v2/query', full, { body: { site_id: 'beta.example.com', metrics: ['visitors'] } }),
      deps(),
    );
    expect(foreign.status).toBe(404);
  });

  it('answers an unexpected failure with 500 and a generic message, never the error’s own text', async () => {
    // The statistics queries fail (authentication, also raw SQL, still works).
    const failing = new Proxy(test.db, {
      get(target, property, receiver) {
        const real = Reflect.get(target, property, receiver) as unknown;
        if (property !== '$queryRaw') return real;
        return (strings: TemplateStringsArray, ...values: unknown[]) =>
          strings.join('').includes('"ApiToken"')
            ? target.$queryRaw(strings, ...values)
            : Promise.reject(new Error('syntax error near SELECT "secret" FROM x'));
      },
    });
    const response = await postStatsQuery(
      apiRequest('/api/v1/stats/query', full, { body: { siteId: a.site.id, metrics: ['visitors'] } }),
      testDeps(failing, () => NOW),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(text).not.toContain('secret');
  });

  it('counts realtime visitors like the dashboard', async () => {
    const response = await getRealtime(apiRequest('/x', full), deps(), a.site.id);
    expect(await response.json()).toEqual({ siteId: a.site.id, visitors: 1 });
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After and RateLimit headers once a token used its budget, per token', async () => {
    const limiters = createApiLimiters({ requests: { points: 3, duration: 60 }, events: { points: 1, duration: 1 } });
    const limited = { db: test.db, limiters, now: () => NOW };
    const other = await a.issue(['sites:read']);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await listSites(apiRequest('/api/v1/sites', full), limited);
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('ratelimit-limit')).toBe('3');
        expect(last.headers.get('ratelimit-remaining')).toBe('2');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await errorCode(last!)).toBe('rate_limited');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('ratelimit-remaining')).toBe('0');
    expect((await listSites(apiRequest('/api/v1/sites', other), limited)).status).toBe(200);
  });
});
