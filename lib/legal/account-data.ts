// What Glance stores about its customers (accounts, teams, sites, billing), column by column.
// The privacy policy renders it; stored-data.test.ts compares it with prisma/schema.prisma.
import { AUDIT_RETENTION } from './hit-data';
import type { ModelDoc } from './stored-data-types';

const WITH_ACCOUNT = 'As long as the account exists; deleted with it.';
const WITH_TEAM = 'As long as the team exists; deleted with it.';

export const USER_DOC: ModelDoc<'User'> = {
  subject: 'account',
  title: 'User accounts',
  purpose: 'Signing in and contacting you about your account.',
  retention: WITH_ACCOUNT,
  fields: {
    id: 'A random identifier.',
    email: 'Your email address: your sign-in name and where account messages go.',
    name: 'Your name, if you give one.',
    passwordHash: 'An argon2id hash of your password (the password itself is never stored).',
    emailVerifiedAt: 'When you confirmed your email address.',
    sessionVersion: 'A counter raised when your password or second factor changes, which ends older sessions.',
    totpSecret:
      'Your authenticator app’s secret, encrypted with AES-256-GCM under a key kept outside the database (only if you turned two-factor authentication on).',
    totpPendingSecret:
      'The same, encrypted, while you are setting two-factor authentication up and before you confirm it.',
    totpEnabledAt: 'When you turned two-factor authentication on.',
    totpLastStep: 'The time step of the last code accepted, so that a code cannot be used twice.',
    createdAt: 'When the account was created.',
    updatedAt: 'When it last changed.',
  },
};

export const USER_SESSION_DOC: ModelDoc<'UserSession'> = {
  subject: 'account',
  title: 'Sign-in sessions',
  purpose: 'Keeping you signed in, showing you where you are signed in, and signing a browser out at once.',
  retention: 'Until the session expires or is revoked; deleted with the account.',
  fields: {
    id: 'A random identifier, the only thing the session cookie refers to.',
    userId: 'Whose session it is.',
    deviceClass: 'A coarse device class such as desktop or mobile (never the raw User-Agent).',
    country: 'The country the session was opened from (never the IP address).',
    createdAt: 'When you signed in.',
    lastSeenAt: 'When the session was last used.',
    expiresAt: 'When it ends at the latest.',
    revokedAt: 'When it was signed out or revoked.',
    factors: 'How you signed in: password, authenticator code, recovery code or passkey.',
  },
};

export const PASSKEY_DOC: ModelDoc<'Passkey'> = {
  subject: 'account',
  title: 'Passkeys',
  purpose: 'Signing in with a passkey instead of a password and a code.',
  retention: 'Until you remove the passkey; deleted with the account.',
  fields: {
    id: 'A random identifier.',
    userId: 'Whose passkey it is.',
    credentialId: 'The identifier your authenticator gave the passkey.',
    publicKey: 'The passkey’s public key (the private key never leaves your device).',
    counter: 'The authenticator’s signature counter, to notice a cloned key.',
    transports: 'How the browser can reach the authenticator (USB, internal...).',
    deviceType: 'Whether the passkey lives on one device or is synced.',
    backedUp: 'Whether the authenticator says the passkey is backed up.',
    name: 'The name you gave it.',
    createdAt: 'When you added it.',
    lastUsedAt: 'When it was last used to sign in.',
  },
};

export const WEBAUTHN_CHALLENGE_DOC: ModelDoc<'WebAuthnChallenge'> = {
  subject: 'account',
  title: 'Passkey challenges',
  purpose: 'The random challenge of a passkey sign-in or registration in progress, checked once.',
  retention: 'Five minutes; single use.',
  fields: {
    id: 'A random identifier.',
    userId: 'The account registering a passkey (empty for a sign-in).',
    purpose: 'Registration or sign-in.',
    challenge: 'The random challenge.',
    expiresAt: 'When it stops being valid.',
    consumedAt: 'When it was used.',
    createdAt: 'When it was made.',
  },
};

export const RECOVERY_CODE_DOC: ModelDoc<'RecoveryCode'> = {
  subject: 'account',
  title: 'Recovery codes',
  purpose: 'Signing in when your authenticator app is not at hand.',
  retention: 'Until used or replaced; deleted with the account or when two-factor authentication is turned off.',
  fields: {
    id: 'A random identifier.',
    userId: 'Whose code it is.',
    codeHash: 'A SHA-256 hash of the code (the code itself is shown to you once and not stored).',
    usedAt: 'When it was used.',
    createdAt: 'When it was made.',
  },
};

export const LOGIN_CHALLENGE_DOC: ModelDoc<'LoginChallenge'> = {
  subject: 'account',
  title: 'Sign-ins in progress',
  purpose: 'Connecting the password step of a sign-in to its second step.',
  retention: 'Five minutes; single use.',
  fields: {
    id: 'A random identifier.',
    userId: 'Who is signing in.',
    tokenHash: 'A SHA-256 hash of the random token in the browser’s cookie.',
    needsSecondFactor: 'Whether a code or passkey is still needed.',
    failedAttempts: 'Wrong codes so far (five end the attempt).',
    expiresAt: 'When it stops being valid.',
    consumedAt: 'When it was used.',
    createdAt: 'When the password step happened.',
  },
};

export const EMAIL_TOKEN_DOC: ModelDoc<'EmailToken'> = {
  subject: 'account',
  title: 'Email links',
  purpose: 'Single-use links for confirming an email address and resetting a password.',
  retention: 'Until used or expired; deleted with the account.',
  fields: {
    id: 'A random identifier.',
    userId: 'Whose link it is.',
    purpose: 'Verification, password reset or email change.',
    tokenHash: 'A SHA-256 hash of the link’s token (the link itself is only in the email).',
    email: 'For an email change: the new address, until it is confirmed.',
    expiresAt: 'When the link stops working.',
    usedAt: 'When it was used.',
    createdAt: 'When it was sent.',
  },
};

export const TEAM_DOC: ModelDoc<'Team'> = {
  subject: 'account',
  title: 'Teams',
  purpose: 'Grouping sites, members and billing.',
  retention: WITH_TEAM,
  fields: {
    id: 'A random identifier.',
    name: 'The team’s name.',
    requireTwoFactor: 'Whether the team requires two-factor authentication of every member.',
    createdAt: 'When the team was created.',
    updatedAt: 'When it last changed.',
  },
};

export const MEMBERSHIP_DOC: ModelDoc<'Membership'> = {
  subject: 'account',
  title: 'Team memberships',
  purpose: 'Who may see and do what in a team.',
  retention: 'Until the member leaves or is removed, or the team or account is deleted.',
  fields: {
    teamId: 'The team.',
    userId: 'The member.',
    role: 'Owner, admin or member.',
    createdAt: 'When the member joined.',
  },
};

export const INVITATION_DOC: ModelDoc<'Invitation'> = {
  subject: 'account',
  title: 'Team invitations',
  purpose: 'Inviting someone to a team by email.',
  retention:
    'Until the invitation is accepted or revoked (then deleted at once), or a day after it expires seven days after sending; deleted with the team, and with the invited person’s account.',
  fields: {
    id: 'A random identifier.',
    teamId: 'The team the invitation is for.',
    email: 'The invited email address.',
    role: 'The role the invited person will have.',
    tokenHash: 'A SHA-256 hash of the link’s secret token (the token itself is only in the email).',
    invitedById: 'Who sent the invitation.',
    expiresAt: 'When the link stops working.',
    createdAt: 'When it was sent.',
  },
};

export const SITE_DOC: ModelDoc<'Site'> = {
  subject: 'account',
  title: 'Sites',
  purpose: 'The websites a team measures and their settings.',
  retention: 'Until the site or its team is deleted.',
  fields: {
    id: 'A random identifier.',
    teamId: 'The team that owns the site.',
    domain: 'The site’s domain.',
    timezone: 'The time zone its days are cut in.',
    respectDoNotTrack: 'Whether hits with Do Not Track or Global Privacy Control are dropped (on by default).',
    collectCityLevel: 'Whether region and city are stored (off by default).',
    excludedPaths: 'Path patterns whose hits are dropped.',
    excludedIpHashes:
      'Hashes (SHA-256 of the site id and the address) of visitor IP addresses whose hits are dropped; the addresses themselves are not kept.',
    allowedQueryParams: 'Query parameters kept in page paths.',
    createdAt: 'When the site was added.',
    updatedAt: 'When its settings last changed.',
  },
};

export const GOAL_DOC: ModelDoc<'Goal'> = {
  subject: 'account',
  title: 'Goals',
  purpose: 'Conversions a team wants counted.',
  retention: 'Until the goal or its site is deleted.',
  fields: {
    id: 'A random identifier.',
    siteId: 'The site.',
    kind: 'Pageview goal or custom-event goal.',
    eventName: 'For event goals, the event’s name.',
    pathPattern: 'For pageview goals, the path pattern.',
    displayName: 'The goal’s name on the dashboard.',
    createdAt: 'When the goal was created.',
    rollupsReady:
      'Whether the daily totals already include this goal (until then the dashboard counts it from the events).',
  },
};

export const FUNNEL_DOC: ModelDoc<'Funnel'> = {
  subject: 'account',
  title: 'Funnels',
  purpose: 'Sequences of pages or events a team wants to see visitors complete in order.',
  retention: 'Until the funnel or its site is deleted.',
  fields: {
    id: 'A random identifier.',
    siteId: 'The site.',
    name: 'The funnel’s name on the dashboard.',
    steps: 'Its steps: page path patterns and custom event names, in order.',
    createdAt: 'When the funnel was created.',
  },
};

export const SHARED_LINK_DOC: ModelDoc<'SharedLink'> = {
  subject: 'account',
  title: 'Shared links',
  purpose: 'Public, read-only views of a site’s dashboard that a team chose to share.',
  retention: 'Until the link is revoked or its site is deleted.',
  fields: {
    id: 'A random identifier.',
    siteId: 'The site it shows.',
    slug: 'The random part of the link’s address.',
    name: 'The name the team gave it.',
    passwordHash: 'An argon2id hash of its optional password (the password itself is never stored).',
    allowEmbed: 'Whether other websites may show it in a frame.',
    createdAt: 'When it was created.',
  },
};

export const API_TOKEN_DOC: ModelDoc<'ApiToken'> = {
  subject: 'account',
  title: 'API tokens',
  purpose:
    'Letting your own programs and AI assistants use the API for your team (statistics, sites, server-side events).',
  retention: 'Until the token or its team is deleted.',
  fields: {
    id: 'A random identifier.',
    teamId: 'The team the token works for.',
    createdById: 'Who created it.',
    name: 'Its name.',
    tokenHash: 'A SHA-256 hash of the token; the token itself is shown once and never stored.',
    prefix: 'The token’s first characters, so you can recognise it in a list.',
    scopes: 'What the token may do.',
    expiresAt: 'When it stops working.',
    lastUsedAt: 'When it was last used.',
    revokedAt: 'When it was revoked.',
    createdAt: 'When it was created.',
  },
};

export const AUDIT_LOG_DOC: ModelDoc<'AuditLog'> = {
  subject: 'account',
  title: 'Audit log',
  purpose:
    'A record of security-relevant actions in a team (who did what, when), for you and for investigating incidents.',
  retention: `${AUDIT_RETENTION}, then purged. It outlives deleted accounts for that period, because it is evidence.`,
  fields: {
    id: 'A sequential row number.',
    teamId: 'The team the action happened in.',
    actorId: 'The user who acted.',
    action: 'What was done (for example site.create).',
    targetType: 'What kind of thing it was done to.',
    targetId: 'Which one.',
    metadata: 'Details of the action, such as a site’s domain (never passwords, tokens or IP addresses).',
    createdAt: 'When it happened.',
  },
};

export const SUBSCRIPTION_DOC: ModelDoc<'Subscription'> = {
  subject: 'account',
  title: 'Subscriptions',
  purpose: 'Your plan, trial and billing state. Card details are held by our payment processor, never by us.',
  retention: WITH_TEAM,
  fields: {
    teamId: 'The team.',
    stripeCustomerId: 'The payment processor’s customer reference.',
    stripeSubscriptionId: 'The payment processor’s subscription reference.',
    status: 'Trialing, active, past due, canceled and so on.',
    plan: 'The plan.',
    interval: 'Monthly or yearly billing.',
    trialEndsAt: 'When the trial ends.',
    currentPeriodEnd: 'When the paid period ends.',
    cancelAtPeriodEnd: 'Whether the subscription ends at the end of the period.',
    lastEventAt: 'Time of the last billing event applied (so an old message cannot undo a newer one).',
    updatedAt: 'When it last changed.',
    currentPeriodStart: 'When the paid period started.',
    quotaPeriodStart: 'The start of the period your pageviews are counted in for the quota.',
    quotaPageviews: 'How many pageviews your sites recorded in that period, counted up to the time below.',
    quotaCountedTo: 'Up to when they were counted.',
    quotaNoticeLevel: 'Which quota notice (80% or 100%) the owners were sent for that period.',
    overQuotaPeriods: 'How many billing periods in a row ended above the plan’s pageviews.',
    recordingPausedAt:
      'When your sites stopped recording new pageviews (trial ended, unpaid, or over quota after the grace periods), if they did.',
    recordingPauseReason: 'Why they stopped.',
    trialReminderSentAt: 'When the owners were reminded that the free trial ends soon.',
  },
};

export const STRIPE_EVENT_DOC: ModelDoc<'StripeEvent'> = {
  subject: 'account',
  title: 'Payment processor events',
  purpose:
    'Proof that a message from our payment processor was applied once, so a repeated message changes nothing. The message itself is not kept.',
  retention: 'Deleted 90 days after it was processed.',
  fields: {
    id: 'The payment processor’s event reference.',
    type: 'What kind of event it was (for example invoice.paid).',
    createdAt: 'When the payment processor created it.',
    teamId: 'The team it concerned.',
    outcome: 'Whether it was applied, or ignored as older than what we already knew.',
    processedAt: 'When we processed it.',
  },
};
