// The MCP server, driven by the SDK's own client over Streamable HTTP (its fetch goes straight to the
// route's handler): it authenticates, lists the tools the scopes allow, and gives the API's numbers.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';
import { findSharedLink } from '@/lib/sharing/shared-link-access';
import { queryStats } from '@/lib/stats/query/query-stats';

import type { ApiDeps } from './endpoint';
import { handleMcpRequest, MCP_MAX_BODY_BYTES } from './mcp-server';
import { createApiLimiters } from './rate-limit';
import { createApiTeam, testDeps } from './test-api';

let test: TestDatabase;
let a: Awaited<ReturnType<typeof createApiTeam>>;
let b: Awaited<ReturnType<typeof createApiTeam>>;
const NOW = new Date('2026-11-20T12:00:00Z');

beforeAll(async () => {
  test = await createTestDatabase();
  a = await createApiTeam(test.db, 'Alpha');
  b = await createApiTeam(test.db, 'Beta');
  await writeHits(test.pool, [
    testHit(a.site.id, 1n, '2026-11-18T10:00:00Z', '/'),
    testHit(a.site.id, 1n, '2026-11-18T10:02:00Z', '/pricing'),
    testHit(a.site.id, 2n, '2026-11-19T09:00:00Z', '/blog'),
    testHit(a.site.id, 3n, new Date(NOW.getTime() - 120_000), '/'),
  ]);
  await test.db.goal.create({ data: { siteId: a.site.id, kind: 'EVENT', eventName: 'Signup', displayName: 'Signup' } });
});
afterAll(() => test.drop());

async function connect(token: string, deps: ApiDeps = testDeps(test.db, () => NOW)) {
  const transport = new StreamableHTTPClientTransport(new URL('http://glance.test/api/mcp'), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
    fetch: (url, init) => handleMcpRequest(new Request(url, init), deps),
  });
  const client = new Client({ name: 'glance-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const parsed = (result: Awaited<ReturnType<Client['callTool']>>) =>
  JSON.parse((result.content as { type: string; text: string }[])[0]!.text) as Record<string, unknown>;

describe('MCP server', () => {
  it('connects with a token, lists its read-only tools and answers with queryStats’s numbers', async () => {
    const client = await connect(await a.issue(['stats:read', 'sites:read']));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'get_realtime_visitors',
      'list_goals',
      'list_sites',
      'query_stats',
    ]);
    expect(tools.every((tool) => tool.annotations?.readOnlyHint)).toBe(true);
    const queryTool = tools.find((tool) => tool.name === 'query_stats')!;
    expect(Object.keys(queryTool.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['siteId', 'metrics', 'dimensions', 'filters', 'dateRange']),
    );

    const sites = parsed(await client.callTool({ name: 'list_sites', arguments: {} }));
    expect((sites.sites as { domain: string }[]).map((site) => site.domain)).toEqual(['alpha.example.com']);

    const question = { metrics: ['visitors', 'pageviews'], dimensions: ['page'], dateRange: '7d' } as const;
    const answer = parsed(
      await client.callTool({
        name: 'query_stats',
        arguments: {
          siteId: a.site.id,
          ...question,
          metrics: [...question.metrics],
          dimensions: [...question.dimensions],
        },
      }),
    );
    const direct = await queryStats(
      test.db,
      a.site,
      { ...question, metrics: [...question.metrics], dimensions: [...question.dimensions] },
      { now: NOW },
    );
    expect(answer.rows).toEqual(JSON.parse(JSON.stringify(direct.rows)));
    expect((answer.rows as unknown[]).length).toBe(3);

    expect(parsed(await client.callTool({ name: 'get_realtime_visitors', arguments: { siteId: a.site.id } }))).toEqual({
      siteId: a.site.id,
      visitors: 1,
    });
    const goals = parsed(await client.callTool({ name: 'list_goals', arguments: { siteId: a.site.id } }));
    expect((goals.goals as { displayName: string }[]).map((goal) => goal.displayName)).toEqual(['Signup']);

    const foreign = await client.callTool({
      name: 'query_stats',
      arguments: { siteId: b.site.id, metrics: ['visitors'] },
    });
    expect(foreign.isError).toBe(true);
    expect(JSON.stringify(foreign.content)).toContain('Site not found');
    await client.close();
  });

  it('offers only the tools the scopes allow', async () => {
    const client = await connect(await a.issue(['sites:read']));
    expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(['list_goals', 'list_sites']);
    const refused = await client.callTool({
      name: 'query_stats',
      arguments: { siteId: a.site.id, metrics: ['visitors'] },
    });
    expect(refused.isError).toBe(true);
    const write = await client.callTool({
      name: 'create_goal',
      arguments: { siteId: a.site.id, kind: 'EVENT', eventName: 'X' },
    });
    expect(write.isError).toBe(true);
    expect(await test.db.goal.count({ where: { siteId: a.site.id, displayName: 'X' } })).toBe(0);
    await client.close();
  });

  it('manages goals only with sites:write, validated and audit-logged like the REST API', async () => {
    const client = await connect(await a.issue(['sites:write']));
    expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual([
      'create_goal',
      'create_shared_link',
      'delete_goal',
      'delete_shared_link',
      'list_shared_links',
    ]);
    const created = parsed(
      await client.callTool({
        name: 'create_goal',
        arguments: { siteId: a.site.id, kind: 'PAGEVIEW', pathPattern: '/thanks' },
      }),
    );
    expect(created).toMatchObject({ displayName: 'Visit /thanks', kind: 'PAGEVIEW' });
    const invalid = await client.callTool({
      name: 'create_goal',
      arguments: { siteId: a.site.id, kind: 'PAGEVIEW', pathPattern: 'no-slash' },
    });
    expect(invalid.isError).toBe(true);
    const foreign = await client.callTool({
      name: 'create_goal',
      arguments: { siteId: b.site.id, kind: 'EVENT', eventName: 'Y' },
    });
    expect(foreign.isError).toBe(true);
    expect(await test.db.goal.count({ where: { siteId: b.site.id } })).toBe(0);
    await client.callTool({ name: 'delete_goal', arguments: { siteId: a.site.id, goalId: created.id as string } });
    expect(await test.db.goal.count({ where: { id: created.id as string } })).toBe(0);
    const audit = await test.db.auditLog.findMany({
      where: { targetId: created.id as string },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((row) => row.action)).toEqual(['goal.create', 'goal.delete']);
    await client.close();
  });

  it('manages shared links only with sites:write (listing too), validated and audit-logged like the REST API', async () => {
    const reader = await connect(await a.issue(['sites:read', 'stats:read']));
    const listedByReader = await reader.callTool({ name: 'list_shared_links', arguments: { siteId: a.site.id } });
    expect(listedByReader.isError).toBe(true);
    await reader.close();

    const client = await connect(await a.issue(['sites:write']));
    const tools = (await client.listTools()).tools;
    expect(tools.find((tool) => tool.name === 'list_shared_links')?.annotations?.readOnlyHint).toBe(true);
    expect(tools.find((tool) => tool.name === 'delete_shared_link')?.annotations?.destructiveHint).toBe(true);
    const created = parsed(
      await client.callTool({
        name: 'create_shared_link',
        arguments: { siteId: a.site.id, name: 'Board', allowEmbed: true },
      }),
    );
    expect(created).toMatchObject({ name: 'Board', passwordProtected: false, allowEmbed: true });
    const slug = (created.url as string).match(/\/share\/([\w-]{22})$/)?.[1];
    expect(await findSharedLink(test.db, slug!)).toMatchObject({ name: 'Board', site: { id: a.site.id } });

    const locked = parsed(
      await client.callTool({
        name: 'create_shared_link',
        arguments: { siteId: a.site.id, name: 'Investors', password: 'correct horse' },
      }),
    );
    expect(locked).toMatchObject({ passwordProtected: true, allowEmbed: false });
    const refused = await Promise.all([
      // Too short a password; a password with embedding; a name the site already has; another team's site.
      client.callTool({ name: 'create_shared_link', arguments: { siteId: a.site.id, name: 'X', password: 'short' } }),
      client.callTool({
        name: 'create_shared_link',
        arguments: { siteId: a.site.id, name: 'Y', password: 'long enough', allowEmbed: true },
      }),
      client.callTool({ name: 'create_shared_link', arguments: { siteId: a.site.id, name: 'Board' } }),
      client.callTool({ name: 'create_shared_link', arguments: { siteId: b.site.id, name: 'Mine' } }),
      client.callTool({ name: 'list_shared_links', arguments: { siteId: b.site.id } }),
      client.callTool({ name: 'delete_shared_link', arguments: { siteId: b.site.id, linkId: created.id as string } }),
    ]);
    expect(refused.map((result) => result.isError)).toEqual([true, true, true, true, true, true]);
    const messages = refused.map((result) => JSON.stringify(result.content));
    expect(messages[0]).toContain('at least 8 characters');
    expect(messages[1]).toContain('cannot be embedded');
    expect(messages[2]).toContain('already has a shared link named');
    expect(messages.slice(3)).toEqual([
      expect.stringContaining('Site not found'),
      expect.stringContaining('Site not found'),
      expect.stringContaining('Shared link not found'),
    ]);
    expect(await test.db.sharedLink.count({ where: { siteId: b.site.id } })).toBe(0);
    expect(await findSharedLink(test.db, slug!)).not.toBeNull();

    const listed = parsed(await client.callTool({ name: 'list_shared_links', arguments: { siteId: a.site.id } }));
    expect((listed.sharedLinks as { url: string }[]).map((link) => link.url)).toEqual([created.url, locked.url]);
    expect(JSON.stringify(listed)).not.toContain('passwordHash');

    expect(
      parsed(
        await client.callTool({
          name: 'delete_shared_link',
          arguments: { siteId: a.site.id, linkId: created.id as string },
        }),
      ),
    ).toEqual({ deleted: created.id });
    expect(await findSharedLink(test.db, slug!)).toBeNull();
    const audit = await test.db.auditLog.findMany({
      where: { targetId: created.id as string },
      select: { action: true, actorId: true, metadata: true },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((row) => row.action)).toEqual(['shared_link.create', 'shared_link.revoke']);
    for (const entry of audit)
      expect(entry).toMatchObject({ actorId: null, metadata: { apiTokenId: expect.any(String) } });
    await client.close();
  });

  it('answers an unexpected failure with a generic message, never the error’s own text', async () => {
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
    const client = await connect(
      await a.issue(['stats:read']),
      testDeps(failing, () => NOW),
    );
    const result = await client.callTool({
      name: 'query_stats',
      arguments: { siteId: a.site.id, metrics: ['visitors'] },
    });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain('Something went wrong');
    expect(JSON.stringify(result.content)).not.toContain('secret');
    await client.close();
  });

  it('refuses missing, revoked and write-only tokens, rate-limits, and caps the body', async () => {
    const call = (token: string | null, body: string, deps: ApiDeps = testDeps(test.db, () => NOW)) =>
      handleMcpRequest(
        new Request('http://glance.test/api/mcp', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body,
        }),
        deps,
      );
    const ping = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
    expect((await call(null, ping)).status).toBe(401);
    await expect(connect(`glc_${'y'.repeat(43)}`)).rejects.toThrow();
    const writeOnly = await call(await a.issue(['events:write']), ping);
    expect(writeOnly.status).toBe(403);

    const token = await a.issue(['stats:read']);
    const limited = {
      db: test.db,
      limiters: createApiLimiters({ requests: { points: 1, duration: 60 }, events: { points: 1, duration: 1 } }),
    };
    expect((await call(token, ping, limited)).status).toBe(200);
    const refused = await call(token, ping, limited);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();

    const huge = await call(
      token,
      JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(MCP_MAX_BODY_BYTES) } }),
    );
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'body_too_large' } });
    const broken = await call(token, '{"jsonrpc":');
    expect(broken.status).toBe(400);
    const stream = await handleMcpRequest(
      new Request('http://glance.test/api/mcp', {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
      }),
      testDeps(test.db),
    );
    expect([stream.status, stream.headers.get('allow')]).toEqual([405, 'POST']);
  });
});
