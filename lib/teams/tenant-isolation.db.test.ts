// Tenant isolation, for every server action and route handler of the app:
// 1. an inventory: every exported action and handler is listed below with what guards it, so a new one
//    cannot be added without deciding (and testing) how it is scoped;
// 2. every library call behind an action that takes an id, made by a member of another team (or another
//    user) with this team's ids: "not found", and not one row of the database changed.
// Pages and API routes are tried over HTTP, as another team and signed out, in e2e/tenant-isolation.spec.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testAccounts, type TestAccounts } from '@/lib/auth/test-accounts';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { NotFound } from '@/lib/errors';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';
import { removePasskey, renamePasskey } from '@/lib/auth/passkeys/manage-passkeys';
import { revokeSession } from '@/lib/auth/manage-sessions';
import { createSite } from '@/lib/sites/create-site';
import { deleteSite } from '@/lib/sites/delete-site';
import { changeExcludedIps } from '@/lib/sites/excluded-ips';
import { createGoal, deleteGoal } from '@/lib/sites/goals';
import { findSiteForUser, listSitesForUser } from '@/lib/sites/access';
import { createFunnel, deleteFunnel } from '@/lib/sites/funnels';
import { deleteTeam } from '@/lib/teams/delete-team';
import { resendInvitation, revokeInvitation } from '@/lib/teams/invitations';
import { setTwoFactorPolicy } from '@/lib/teams/team-policy';
import { getStatsQuery, postV2Query } from '@/lib/api/endpoints/stats';
import { apiRequest, createApiTeam, testDeps } from '@/lib/api/test-api';

/** How each action or handler is kept to its caller's own data. */
type Guard =
  | { kind: 'foreign-ids'; test: string } // takes ids of team data: tried below as another team
  | { kind: 'tested-in'; file: string; proof: string } // that test makes this call as another team: `proof` is in it
  | { kind: 'api-token'; file: string; proof: string } // bearer-token API: a token of another team, in that test
  | { kind: 'own-account' } // acts only on the signed-in user's own account, takes no id of others
  | { kind: 'public' } // no tenant data: sign-up, sign-in, reset, ingest, health, security.txt
  | { kind: 'http'; spec: string }; // takes a site id in the URL: tried over HTTP by the e2e spec

const E2E = 'e2e/tenant-isolation.spec.ts';
const OWN: Guard = { kind: 'own-account' };
const TEAM = 'app/(app)/teams/[teamId]/actions.ts#';
const PUBLIC: Guard = { kind: 'public' };

export const GUARDS: Record<string, Guard> = {
  'app/(app)/settings/security/actions.ts#changeEmailAction': OWN,
  'app/(app)/settings/security/actions.ts#changePasswordAction': OWN,
  'app/(app)/settings/security/passkey-actions.ts#startPasskeyRegistrationAction': OWN,
  'app/(app)/settings/security/passkey-actions.ts#finishPasskeyRegistrationAction': OWN,
  'app/(app)/settings/security/passkey-actions.ts#renamePasskeyAction': { kind: 'foreign-ids', test: 'passkeys' },
  'app/(app)/settings/security/passkey-actions.ts#removePasskeyAction': { kind: 'foreign-ids', test: 'passkeys' },
  'app/(app)/settings/security/session-actions.ts#revokeSessionAction': { kind: 'foreign-ids', test: 'sessions' },
  'app/(app)/settings/security/session-actions.ts#revokeOtherSessionsAction': OWN,
  'app/(app)/settings/security/totp-actions.ts#beginTotpSetupAction': OWN,
  'app/(app)/settings/security/totp-actions.ts#cancelTotpSetupAction': OWN,
  'app/(app)/settings/security/totp-actions.ts#confirmTotpAction': OWN,
  'app/(app)/settings/security/totp-actions.ts#disableTotpAction': OWN,
  'app/(app)/settings/security/totp-actions.ts#regenerateCodesAction': OWN,
  'app/(app)/sites/[siteId]/settings/actions.ts#addGoalAction': { kind: 'foreign-ids', test: 'goals' },
  'app/(app)/sites/[siteId]/settings/actions.ts#deleteGoalAction': { kind: 'foreign-ids', test: 'goals' },
  'app/(app)/sites/[siteId]/settings/actions.ts#deleteSiteAction': { kind: 'foreign-ids', test: 'sites' },
  'app/(app)/sites/[siteId]/settings/excluded-ips-actions.ts#changeExcludedIpsAction': {
    kind: 'foreign-ids',
    test: 'sites',
  },
  'app/(app)/sites/new/actions.ts#createSiteAction': { kind: 'foreign-ids', test: 'sites' },
  'app/(auth)/reset/actions.ts#requestResetAction': PUBLIC,
  'app/(auth)/reset/actions.ts#resetPasswordAction': PUBLIC,
  'app/(auth)/sign-in/passkey-actions.ts#passkeySignInOptionsAction': PUBLIC,
  'app/(auth)/sign-up/actions.ts#signUpAction': PUBLIC,
  'app/(auth)/verify/actions.ts#confirmEmailAction': PUBLIC,
  'app/(auth)/verify/actions.ts#resendVerificationAction': PUBLIC,
  'app/(app)/teams/[teamId]/billing/actions.ts#startCheckoutAction': {
    kind: 'tested-in',
    file: 'lib/billing/checkout.db.test.ts',
    proof: 'startCheckout(billing.ctx, { userId: ids.outsider! }, ids.team!',
  },
  'app/(app)/teams/[teamId]/billing/actions.ts#openPortalAction': {
    kind: 'tested-in',
    file: 'lib/billing/checkout.db.test.ts',
    proof: 'openBillingPortal(billing.ctx, { userId: ids.outsider! }, ids.team!)',
  },
  'app/(app)/teams/[teamId]/tokens/actions.ts#createTokenAction': {
    kind: 'tested-in',
    file: 'lib/api/manage-tokens.db.test.ts',
    proof: 'createApiToken(test.db, { userId: b.owner.id }, a.team.id, input)).rejects.toThrow(NotFound)',
  },
  'app/(app)/teams/[teamId]/tokens/actions.ts#revokeTokenAction': {
    kind: 'tested-in',
    file: 'lib/api/manage-tokens.db.test.ts',
    proof: 'revokeApiToken(test.db, { userId: b.owner.id }, b.team.id, issued.id)).rejects.toThrow(NotFound)',
  },
  'app/(app)/sites/[siteId]/settings/actions.ts#createFunnelAction': { kind: 'foreign-ids', test: 'funnels' },
  'app/(app)/sites/[siteId]/settings/actions.ts#deleteFunnelAction': { kind: 'foreign-ids', test: 'funnels' },
  'app/(app)/sites/[siteId]/settings/actions.ts#createSharedLinkAction': {
    kind: 'tested-in',
    file: 'lib/sharing/shared-links.db.test.ts',
    proof: "createSharedLink(test.db, { userId: ids.outsider! }, ids.site!, { name: 'x' })).rejects.toThrow(",
  },
  'app/(app)/sites/[siteId]/settings/actions.ts#revokeSharedLinkAction': {
    kind: 'tested-in',
    file: 'lib/sharing/shared-links.db.test.ts',
    proof: 'revokeSharedLink(test.db, { userId: ids.outsider! }, ids.site!, link.id)).rejects.toThrow(NotFound)',
  },
  'app/(app)/sites/[siteId]/settings/actions.ts#updateSiteSettingsAction': {
    kind: 'tested-in',
    file: 'lib/sites/site-settings.db.test.ts',
    proof: 'updateSiteSettings(test.db, { userId: ids.outsider! }, ids.site!, settings)).rejects.toThrow(NotFound)',
  },
  // Public by design: the link's unguessable slug is the credential; revoking it makes these 404
  // (e2e/share-a-dashboard.spec.ts).
  'app/share/[slug]/actions.ts#unlockSharedLinkAction': PUBLIC,
  'app/api/share/[slug]/realtime/route.ts#GET': PUBLIC,
  // The public API: another team's token gets 404 for every site-scoped verb.
  ...Object.fromEntries(
    [
      'app/api/v1/sites/route.ts#GET',
      'app/api/v1/sites/route.ts#POST',
      'app/api/v1/sites/[siteId]/route.ts#GET',
      'app/api/v1/sites/[siteId]/route.ts#PATCH',
      'app/api/v1/sites/[siteId]/route.ts#DELETE',
      'app/api/v1/sites/[siteId]/goals/route.ts#GET',
      'app/api/v1/sites/[siteId]/goals/route.ts#POST',
      'app/api/v1/sites/[siteId]/realtime/route.ts#GET',
      'app/api/v1/stats/query/route.ts#POST',
    ].map((key) => [
      key,
      {
        kind: 'api-token',
        file: 'lib/api/endpoints/endpoints.db.test.ts',
        proof: 'another team’s site is 404 for every verb',
      } satisfies Guard,
    ]),
  ),
  'app/api/v1/sites/[siteId]/goals/[goalId]/route.ts#DELETE': {
    kind: 'api-token',
    file: 'lib/api/endpoints/endpoints.db.test.ts',
    proof: "deleteGoal(apiRequest('/x', full, { method: 'DELETE' }), deps(), b.site.id, goalId)",
  },
  ...Object.fromEntries(
    [
      'app/api/v1/sites/[siteId]/shared-links/route.ts#GET',
      'app/api/v1/sites/[siteId]/shared-links/route.ts#POST',
      'app/api/v1/sites/[siteId]/shared-links/[linkId]/route.ts#DELETE',
    ].map((key) => [
      key,
      {
        kind: 'api-token',
        file: 'lib/api/endpoints/endpoints.db.test.ts',
        proof: 'creates, lists and revokes shared links with sites:write only, never for another team’s site',
      } satisfies Guard,
    ]),
  ),
  'app/api/v1/stats/query/route.ts#GET': { kind: 'foreign-ids', test: 'api' },
  'app/api/v2/query/route.ts#POST': { kind: 'foreign-ids', test: 'api' },
  'app/api/v1/events/route.ts#POST': {
    kind: 'api-token',
    file: 'lib/api/endpoints/events.db.test.ts',
    proof: 'refuses other teams’ domains (404)',
  },
  'app/api/mcp/route.ts#POST': {
    kind: 'api-token',
    file: 'lib/api/mcp-server.db.test.ts',
    proof: "toContain('Site not found')",
  },
  // Stateless MCP: GET and DELETE answer 405 and read nothing.
  'app/api/mcp/route.ts#GET': PUBLIC,
  'app/api/mcp/route.ts#DELETE': PUBLIC,
  'app/api/v1/openapi.json/route.ts#GET': PUBLIC,
  [`${TEAM}changeRoleAction`]: {
    kind: 'tested-in',
    file: 'lib/teams/members.db.test.ts',
    proof: "changeRole(test.db, { userId: u.outsider! }, teamId, { userId: u.second!, role: 'ADMIN' }),",
  },
  [`${TEAM}removeMemberAction`]: {
    kind: 'tested-in',
    file: 'lib/teams/members.db.test.ts',
    proof: 'removeMember(test.db, { userId: u.outsider! }, teamId, u.second!)).rejects.toThrow(NotFound)',
  },
  [`${TEAM}leaveTeamAction`]: {
    kind: 'tested-in',
    file: 'lib/teams/members.db.test.ts',
    proof: 'leaveTeam(test.db, { userId: u.outsider! }, teamId)).rejects.toThrow(NotFound)',
  },
  [`${TEAM}transferAction`]: {
    kind: 'tested-in',
    file: 'lib/teams/members.db.test.ts',
    proof: 'transferOwnership(test.db, { userId: u.outsider! }, teamId, u.member!)).rejects.toThrow(NotFound)',
  },
  [`${TEAM}inviteAction`]: {
    kind: 'tested-in',
    file: 'lib/teams/invitations.db.test.ts',
    proof: 'inviteMember(accounts.ctx, { userId: u.outsider!.id }, teamId, input)).rejects.toThrow(NotFound)',
  },
  [`${TEAM}resendInvitationAction`]: { kind: 'foreign-ids', test: 'teams' },
  [`${TEAM}revokeInvitationAction`]: { kind: 'foreign-ids', test: 'teams' },
  [`${TEAM}setPolicyAction`]: { kind: 'foreign-ids', test: 'teams' },
  [`${TEAM}deleteTeamAction`]: { kind: 'foreign-ids', test: 'teams' },
  // Only the caller's own teams: a team id the caller is not in is ignored (switch) or unused (create).
  'app/(app)/team-actions.ts#switchTeamAction': OWN,
  'app/(app)/team-actions.ts#createTeamAction': OWN,
  'app/(app)/passkey-reauth.ts#passkeyReauthOptionsAction': OWN,
  'app/(app)/settings/security/delete-account-actions.ts#deleteAccountAction': OWN,
  // The emailed token is the credential, and only the invited address may use it (invitations.db.test.ts).
  'app/(auth)/invite/actions.ts#acceptInvitationAction': PUBLIC,
  'app/(auth)/invite/actions.ts#acceptWithNewAccountAction': PUBLIC,
  // Stripe's signed webhook: no session, no ids from users (lib/billing/webhooks/webhooks.db.test.ts).
  'app/api/stripe/webhook/route.ts#POST': PUBLIC,
  'app/.well-known/security.txt/route.ts#GET': PUBLIC,
  'app/api/auth/[...nextauth]/route.ts#GET': PUBLIC,
  'app/api/auth/[...nextauth]/route.ts#POST': PUBLIC,
  'app/api/event/route.ts#OPTIONS': PUBLIC,
  'app/api/event/route.ts#POST': PUBLIC,
  'app/api/health/route.ts#GET': PUBLIC,
  'app/api/sign-in/password/route.ts#POST': PUBLIC,
  'app/api/sites/[siteId]/export/route.ts#GET': { kind: 'http', spec: E2E },
  'app/api/sites/[siteId]/realtime/route.ts#GET': { kind: 'http', spec: E2E },
  'app/api/sites/[siteId]/status/route.ts#GET': { kind: 'http', spec: E2E },
};

/** Every exported server action ('use server' files) and route handler under app/, as file#name. */
function inventory(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        const source = readFileSync(file, 'utf8');
        const isActions = /^\s*['"]use server['"]/.test(source);
        const isRoute = entry.name === 'route.ts';
        if (!isActions && !isRoute) continue;
        const names = [
          ...source.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(\w+)/gm),
          ...source.matchAll(/^export\s*\{([^}]+)\}/gm),
        ].flatMap((match) =>
          match[1]!.includes(',') || match[0].includes('{')
            ? match[1]!.split(',').map((name) =>
                name
                  .trim()
                  .split(/\s+as\s+/)
                  .pop()!,
              )
            : [match[1]!],
        );
        const handlers = isRoute
          ? names.filter((name) => /^(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)$/.test(name))
          : names;
        found.push(...handlers.map((name) => `${file.split(path.sep).join('/')}#${name}`));
      }
    }
  };
  walk('app');
  return found.sort();
}

let test: TestDatabase;
let accounts: TestAccounts;
const ids: Record<string, string> = {};

/** A digest of every row of every table: must not move while the outsider tries. */
async function fingerprint(ignore: string[] = []): Promise<string> {
  const tables = await test.db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_glance_migrations'
      ORDER BY 1`,
  );
  const parts = await Promise.all(
    tables
      .filter(({ name }) => !ignore.includes(name))
      .map(async ({ name }) => {
        const [row] = await test.db.$queryRawUnsafe<{ digest: string | null }[]>(
          `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${name} t`,
        );
        return `${name}:${row!.digest}`;
      }),
  );
  return parts.join('\n');
}

beforeAll(async () => {
  test = await createTestDatabase();
  accounts = testAccounts(test);
  for (const name of ['owner', 'outsider']) {
    ids[name] = (await test.db.user.create({ data: { email: `${name}@example.com`, emailVerifiedAt: new Date() } })).id;
  }
  const team = await test.db.team.create({
    data: { name: 'A', memberships: { create: { userId: ids.owner!, role: 'OWNER' } } },
  });
  const other = await test.db.team.create({
    data: { name: 'B', memberships: { create: { userId: ids.outsider!, role: 'OWNER' } } },
  });
  ids.team = team.id;
  ids.otherTeam = other.id;
  ids.site = (await test.db.site.create({ data: { teamId: team.id, domain: 'a.example.com' } })).id;
  ids.otherSite = (await test.db.site.create({ data: { teamId: other.id, domain: 'b.example.com' } })).id;
  ids.goal = (
    await test.db.goal.create({ data: { siteId: ids.site, kind: 'EVENT', eventName: 'Signup', displayName: 'Signup' } })
  ).id;
  ids.passkey = (
    await test.db.passkey.create({
      data: {
        userId: ids.owner!,
        credentialId: 'credential-a',
        publicKey: new Uint8Array([1, 2, 3]),
        deviceType: 'singleDevice',
        name: 'Laptop',
      },
    })
  ).id;
  ids.session = (
    await test.db.userSession.create({ data: { userId: ids.owner!, expiresAt: new Date(Date.now() + 3_600_000) } })
  ).id;
  ids.funnel = (
    await test.db.funnel.create({
      data: {
        siteId: ids.site,
        name: 'Signup',
        steps: [
          { kind: 'PAGEVIEW', pathPattern: '/' },
          { kind: 'EVENT', eventName: 'Signup' },
        ],
      },
    })
  ).id;
  ids.invitation = (
    await test.db.invitation.create({
      data: {
        teamId: ids.team,
        email: 'friend@example.com',
        tokenHash: 'e'.repeat(64),
        invitedById: ids.owner,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    })
  ).id;
  await writeHits(test.pool, [testHit(ids.site, 1n, new Date(), '/')]);
});

afterAll(() => test.drop());

describe('tenant isolation', () => {
  it('knows how every server action and route handler is scoped', () => {
    const found = inventory();
    const unlisted = found.filter((key) => !(key in GUARDS));
    const gone = Object.keys(GUARDS).filter((key) => !found.includes(key));
    expect({ unlisted, gone }).toEqual({ unlisted: [], gone: [] });
    // Guards proven elsewhere name a test that exists and calls the library function as an outsider.
    for (const guard of Object.values(GUARDS)) {
      if (guard.kind !== 'tested-in' && guard.kind !== 'api-token') continue;
      expect(readFileSync(guard.file, 'utf8'), guard.file).toContain(guard.proof);
    }
  });

  it('gives another team "not found" for every id-taking action, and changes nothing', async () => {
    const outsider = { userId: ids.outsider! };
    const asUser = { id: ids.outsider!, email: 'outsider@example.com', sessionId: 'none' };
    const before = await fingerprint();
    const attempts: Record<string, () => Promise<unknown>> = {
      // goals
      'create a goal on the site': () => createGoal(test.db, outsider, ids.site!, { kind: 'EVENT', eventName: 'x' }),
      'delete its goal': () => deleteGoal(test.db, outsider, ids.site!, ids.goal!),
      'delete its goal through an own site': () => deleteGoal(test.db, outsider, ids.otherSite!, ids.goal!),
      // sites
      'delete the site': () => deleteSite(test.db, outsider, ids.site!, 'a.example.com'),
      'change its excluded addresses': () =>
        changeExcludedIps(test.db, outsider, ids.site!, { mode: 'add', addresses: '10.0.0.1' }),
      'clear its excluded addresses': () => changeExcludedIps(test.db, outsider, ids.site!, { mode: 'clear' }),
      'add a site to the team': () =>
        createSite(test.db, outsider, { teamId: ids.team, domain: 'intruder.example.com', timezone: 'UTC' }),
      // another user's account
      'rename their passkey': () => renamePasskey(accounts.ctx, asUser, { passkeyId: ids.passkey!, name: 'Mine now' }),
      'remove their passkey': () =>
        removePasskey(accounts.ctx, asUser, { passkeyId: ids.passkey!, currentPassword: 'irrelevant' }),
      'revoke their session': () => revokeSession(accounts.ctx, asUser, ids.session!),
      // funnels
      'create a funnel on the site': () =>
        createFunnel(test.db, outsider, ids.site!, { name: 'Mine', steps: '/\n/pricing' }),
      'delete its funnel': () => deleteFunnel(test.db, outsider, ids.site!, ids.funnel!),
      'delete its funnel through an own site': () => deleteFunnel(test.db, outsider, ids.otherSite!, ids.funnel!),
      // the team itself
      'resend its invitation': () => resendInvitation(accounts.ctx, outsider, ids.team!, ids.invitation),
      'resend its invitation through an own team': () =>
        resendInvitation(accounts.ctx, outsider, ids.otherTeam!, ids.invitation),
      'revoke its invitation': () => revokeInvitation(accounts.ctx, outsider, ids.team!, ids.invitation),
      'revoke its invitation through an own team': () =>
        revokeInvitation(accounts.ctx, outsider, ids.otherTeam!, ids.invitation),
      'change its two-factor policy': () => setTwoFactorPolicy(test.db, outsider, ids.team!, true),
      'delete the team': () => deleteTeam(accounts.ctx, outsider, ids.team!, { confirmation: 'A', password: 'x' }),
    };
    const outcomes = Object.fromEntries(
      await Promise.all(
        Object.entries(attempts).map(async ([name, attempt]) => {
          try {
            await attempt();
            return [name, 'ALLOWED'];
          } catch (error) {
            return [name, error instanceof NotFound ? 'not found' : String(error)];
          }
        }),
      ),
    );
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(attempts).map((name) => [name, 'not found'])));
    // The guards the pages and routes use.
    expect(await findSiteForUser(test.db, ids.outsider!, ids.site!)).toBeNull();
    expect((await listSitesForUser(test.db, ids.outsider!)).map((site) => site.domain)).toEqual(['b.example.com']);
    expect(await fingerprint()).toBe(before);
  });

  it('gives another team’s API token 404 for this site from the GET stats query and the Plausible v2 query', async () => {
    const intruder = await createApiTeam(test.db, 'Intruder');
    const token = await intruder.issue(['stats:read']);
    const deps = testDeps(test.db);
    // The intruder's own token records its last use; nothing else may change.
    const before = await fingerprint(['"ApiToken"']);
    const answers = await Promise.all([
      getStatsQuery(apiRequest(`/api/v1/stats/query?siteId=${ids.site}&metrics=visitors`, token), deps),
      postV2Query(
        apiRequest('/api/v2/query', token, { body: { site_id: ids.site, metrics: ['visitors'], date_range: '7d' } }),
        deps,
      ),
      postV2Query(
        apiRequest('/api/v2/query', token, {
          body: { site_id: 'a.example.com', metrics: ['visitors'], date_range: '7d' },
        }),
        deps,
      ),
    ]);
    expect(answers.map((response) => response.status)).toEqual([404, 404, 404]);
    for (const response of answers) expect(await response.text()).not.toContain('a.example.com');
    expect(await fingerprint(['"ApiToken"'])).toBe(before);
  });
});
