// The security page's claims, in one list. Numbers come from the code that enforces them; each fact
// names the tests that check it (security-facts.test.ts checks those files exist). Facts marked
// 'designed' describe features being built alongside this page: they must be true at launch, and
// whoever merges such a feature replaces `designed` with the tests that prove it.
import { API_LIMITS } from '@/lib/api/rate-limit';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/sessions';
import { AUDIT_RETENTION_MONTHS } from '@/lib/billing/plans';
import { BASE_SECURITY_HEADERS } from '@/lib/http/security-headers';
import { createLimits } from '@/lib/ingest/record-hit';
import { SALT_BYTES, SALT_GRACE_MS } from '@/lib/privacy/salts';
import { VISITOR_ID_BITS } from '@/lib/privacy/visitor-id';

export interface SecurityFact {
  id: string;
  title: string;
  points: string[];
  /** Test files that check the points; empty only while `designed`. */
  checkedBy: string[];
  status: 'in-code' | 'designed';
}

const hstsSeconds = Number(/max-age=(\d+)/.exec(BASE_SECURITY_HEADERS['Strict-Transport-Security']!)![1]);
export const HSTS_YEARS = hstsSeconds / (365 * 86_400);

/** Argon2id cost as lib/auth/password.ts sets it (checked against a real hash in the test). */
export const PASSWORD_HASH = { algorithm: 'argon2id', memoryKiB: 19_456, passes: 2, lanes: 1 } as const;

const limits = createLimits();
export const INGEST_LIMITS = {
  perSite: { points: limits.perSite.points, seconds: limits.perSite.duration },
  perVisitor: { points: limits.perVisitor.points, seconds: limits.perVisitor.duration },
};

export const SECURITY_FACTS: SecurityFact[] = [
  {
    id: 'transport',
    title: 'Encryption in transit',
    points: [
      `Every response carries Strict-Transport-Security for ${HSTS_YEARS} years, including subdomains: once a browser has seen it, it will not talk to the service over plain HTTP.`,
      'In production the service refuses to start unless its public address uses https://, and its pages ask browsers to upgrade any insecure request.',
    ],
    checkedBy: ['e2e/security-headers.spec.ts', 'lib/config.test.ts', 'e2e/read-the-public-site.spec.ts'],
    status: 'in-code',
  },
  {
    id: 'headers',
    title: 'Browser protections',
    points: [
      'Each page gets a Content-Security-Policy with a fresh random nonce: only scripts we served with that nonce (and what they load) can run, no plugins, no framing, and forms post only to us. The one exception to framing: the embed view of a shared dashboard whose team turned embedding on for that link.',
      'The other headers listed below go with every response, including API answers and error pages.',
    ],
    checkedBy: ['e2e/security-headers.spec.ts', 'e2e/read-the-public-site.spec.ts', 'e2e/share-a-dashboard.spec.ts'],
    status: 'in-code',
  },
  {
    id: 'passwords',
    title: 'Passwords',
    points: [
      `Passwords are hashed with ${PASSWORD_HASH.algorithm} (${PASSWORD_HASH.memoryKiB / 1024} MiB of memory, ${PASSWORD_HASH.passes} passes), the cost OWASP recommends; we never store or log the password itself.`,
      'Checking a password takes the same time whether or not the email address has an account, so response times do not reveal who is a customer.',
    ],
    checkedBy: ['lib/legal/security-facts.test.ts', 'lib/log.test.ts'],
    status: 'in-code',
  },
  {
    id: 'two-factor',
    title: 'Two-factor authentication and passkeys',
    points: [
      'Every user can add time-based one-time codes (TOTP, RFC 6238) from an authenticator app. A code is accepted once: a reused or stale code is refused.',
      'TOTP secrets are stored encrypted with AES-256-GCM under a key kept outside the database, so a copy of the database alone does not reveal them.',
      'Passkeys (WebAuthn) with user verification sign you in without a password and count as two factors.',
      'Ten single-use recovery codes stand in for the authenticator app; only their hashes are stored.',
      'A team can require two-factor authentication of every member: until they turn it on, members without it see none of the team’s sites or statistics. Owners of teams on paid plans above Starter must use it.',
    ],
    checkedBy: [
      'lib/auth/two-factor.db.test.ts',
      'lib/teams/policy-and-deletion.db.test.ts',
      'e2e/team-security-policies.spec.ts',
      'lib/crypto/envelope.test.ts',
      'e2e/two-factor-authentication.spec.ts',
      'e2e/passkeys.spec.ts',
    ],
    status: 'in-code',
  },
  {
    id: 'sessions',
    title: 'Sessions',
    points: [
      'The session cookie names a session row on our server and nothing else. Every request checks that row, so signing out or revoking a session ends it at once.',
      `A session ends after ${SESSION_MAX_AGE_SECONDS / 3600} hours at the latest, and after 30 minutes without activity.`,
      'You can see where you are signed in and revoke any session; changing your password or second factors signs out your other sessions.',
    ],
    checkedBy: [
      'e2e/sign-in-and-see-the-dashboard.spec.ts',
      'lib/auth/manage-sessions.db.test.ts',
      'e2e/revoke-a-session.spec.ts',
    ],
    status: 'in-code',
  },
  {
    id: 'roles',
    title: 'Roles',
    points: [
      'Each team member is an owner, an admin or a member. One permission matrix, shown below, is checked on the server for every action.',
      'Only owners make someone an owner or change an owner’s role. A team always keeps at least one owner: the last one cannot leave, be removed or lose the role, even when two requests race.',
      'Someone whose role is lowered by another member, or who is removed from a team, is signed out of every browser at once.',
      'Invitations are sent by email; the link works once, for seven days, only for the invited address, and we keep only a hash of it.',
    ],
    checkedBy: [
      'lib/teams/permissions.test.ts',
      'lib/sites/create-site.db.test.ts',
      'lib/teams/members.db.test.ts',
      'lib/teams/invitations.db.test.ts',
      'e2e/work-in-a-team.spec.ts',
    ],
    status: 'in-code',
  },
  {
    id: 'tenant-isolation',
    title: 'Tenant isolation',
    points: [
      'Every query for customer data is scoped to the teams the signed-in user belongs to. Asking for another team’s site answers “not found”, so not even its existence is revealed.',
      'A test lists every server action and route handler of the app with how it is scoped, tries each one that takes an id as a member of another team (and signed out), and checks that nothing was read or changed.',
      'Ids shown to users are random, not counters that could be guessed.',
    ],
    checkedBy: [
      'lib/teams/tenant-isolation.db.test.ts',
      'e2e/tenant-isolation.spec.ts',
      'lib/sites/create-site.db.test.ts',
      'e2e/sign-in-and-see-the-dashboard.spec.ts',
      'lib/teams/members.db.test.ts',
    ],
    status: 'in-code',
  },
  {
    id: 'audit-log',
    title: 'Audit log',
    points: [
      'Security-relevant actions (sign-ins and failed sign-ins, password, email and second-factor changes, session revocations, API tokens created or revoked, sites and goals added, changed or deleted, invitations, role changes, removals, ownership transfers, security-policy changes, team and account deletions) are recorded with who did what and when.',
      'Owners and admins can read their team’s log, filtered by action, person and date; members cannot.',
      `The log is append-only, enforced by the database: it refuses any change to an entry, and deletes entries only for the retention job, after ${AUDIT_RETENTION_MONTHS} months.`,
    ],
    checkedBy: [
      'lib/db/audit-log-append-only.db.test.ts',
      'lib/sites/manage-site.db.test.ts',
      'lib/auth/sign-in.db.test.ts',
      'lib/api/manage-tokens.db.test.ts',
      'lib/teams/policy-and-deletion.db.test.ts',
      'e2e/work-in-a-team.spec.ts',
    ],
    status: 'in-code',
  },
  {
    id: 'deletion',
    title: 'Deleting an account or a team',
    points: [
      'Deleting your account or a team takes effect at once and for good, after you type its email address or name and confirm with your password or a passkey: its sites with every event and visit, its invitations and tokens are deleted in the same transaction, not kept in an archive.',
      'An account that is the only owner of a team other people use cannot be deleted until someone else owns the team, so nobody loses a team by surprise.',
      'The audit log keeps its entries about the deleted account or team until they are purged with age; they name people by identifier only, never by email address or name.',
    ],
    checkedBy: [
      'lib/teams/policy-and-deletion.db.test.ts',
      'lib/auth/passkeys/passkey-reauth.db.test.ts',
      'e2e/team-security-policies.spec.ts',
      'e2e/delete-an-account-with-a-passkey.spec.ts',
    ],
    status: 'in-code',
  },
  {
    id: 'api-tokens',
    title: 'API tokens',
    points: [
      'A token is shown once, when you create it. We keep only its SHA-256 hash and its first characters, so a database copy contains no usable token.',
      'Tokens have scopes and an optional expiry date, record when they were last used, and stop working the moment they are revoked.',
      `A token reaches only its own team’s sites, and each token may make at most ${API_LIMITS.requests.points} requests per ${API_LIMITS.requests.duration} seconds (and send ${API_LIMITS.events.points} events per second), then gets 429 with Retry-After.`,
    ],
    checkedBy: [
      'lib/api/manage-tokens.db.test.ts',
      'lib/api/endpoints/endpoints.db.test.ts',
      'lib/api/mcp-server.db.test.ts',
      'e2e/use-the-api-with-a-token.spec.ts',
    ],
    status: 'in-code',
  },
  {
    id: 'rate-limits',
    title: 'Rate limiting',
    points: [
      `Event collection accepts at most ${INGEST_LIMITS.perSite.points.toLocaleString('en')} events per second per site and ${INGEST_LIMITS.perVisitor.points} per ${INGEST_LIMITS.perVisitor.seconds} seconds per visitor and server process, then answers 429 with Retry-After.`,
      'Sign-in attempts are limited per IP address and per account; the limiter’s keys are keyed hashes, never the IP address itself.',
    ],
    checkedBy: [
      'lib/legal/security-facts.test.ts',
      'lib/auth/sign-in.db.test.ts',
      'lib/auth/reset-and-change.db.test.ts',
    ],
    status: 'in-code',
  },
  {
    id: 'visitor-privacy',
    title: 'Visitor privacy by construction',
    points: [
      `Visitor ids are the first ${VISITOR_ID_BITS} bits of an HMAC-SHA256 keyed with a ${SALT_BYTES * 8}-bit random salt that changes every UTC day. Each salt is deleted with the first hit the service handles after 00:${SALT_GRACE_MS / 60_000} UTC the next day (the ${SALT_GRACE_MS / 60_000} minutes let a visit that straddles midnight continue); from then on nobody, us included, can link an IP address to an id.`,
      'IP addresses and User-Agent strings are never written to the database or the logs; the logger also removes them by name and masks any IP address inside a message.',
    ],
    checkedBy: [
      'lib/ingest/privacy-canary.db.test.ts',
      'lib/privacy/salts.db.test.ts',
      'lib/legal/security-facts.test.ts',
      'lib/log.test.ts',
    ],
    status: 'in-code',
  },
  {
    id: 'backups',
    title: 'Backups',
    points: [
      'The database is backed up with the project’s own `npm run backup`. A backup holds what the database holds: no IP addresses or User-Agents, secrets still encrypted.',
    ],
    checkedBy: ['lib/backup/backup-restore.db.test.ts'],
    status: 'in-code',
  },
  {
    id: 'dependencies',
    title: 'Dependencies',
    points: [
      'Every dependency is pinned to an exact version and updated deliberately, never by a floating version range.',
    ],
    checkedBy: ['lib/legal/security-facts.test.ts'],
    status: 'in-code',
  },
];
