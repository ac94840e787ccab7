// Every table Glance has, what each column holds, why, and for how long: the single source for
// the data policy and the privacy policy. Typed against the Prisma schema, so a new model or
// column must be described here before the project compiles.
import {
  API_TOKEN_DOC,
  AUDIT_LOG_DOC,
  EMAIL_TOKEN_DOC,
  FUNNEL_DOC,
  GOAL_DOC,
  INVITATION_DOC,
  LOGIN_CHALLENGE_DOC,
  MEMBERSHIP_DOC,
  PASSKEY_DOC,
  RECOVERY_CODE_DOC,
  SHARED_LINK_DOC,
  SITE_DOC,
  STRIPE_EVENT_DOC,
  SUBSCRIPTION_DOC,
  TEAM_DOC,
  USER_DOC,
  USER_SESSION_DOC,
  WEBAUTHN_CHALLENGE_DOC,
} from './account-data';
import { DAILY_SALT_DOC, EVENT_DOC, ROLLUP_DAY_DOC, ROLLUP_DOC, VISIT_DOC } from './hit-data';
import type { ModelDoc, ModelName, StoredData } from './stored-data-types';

export const STORED_DATA: StoredData = {
  Event: EVENT_DOC,
  Visit: VISIT_DOC,
  DailySalt: DAILY_SALT_DOC,
  Rollup: ROLLUP_DOC,
  RollupDay: ROLLUP_DAY_DOC,
  User: USER_DOC,
  UserSession: USER_SESSION_DOC,
  Passkey: PASSKEY_DOC,
  WebAuthnChallenge: WEBAUTHN_CHALLENGE_DOC,
  RecoveryCode: RECOVERY_CODE_DOC,
  LoginChallenge: LOGIN_CHALLENGE_DOC,
  EmailToken: EMAIL_TOKEN_DOC,
  Team: TEAM_DOC,
  Membership: MEMBERSHIP_DOC,
  Invitation: INVITATION_DOC,
  Site: SITE_DOC,
  Goal: GOAL_DOC,
  SharedLink: SHARED_LINK_DOC,
  Funnel: FUNNEL_DOC,
  ApiToken: API_TOKEN_DOC,
  AuditLog: AUDIT_LOG_DOC,
  Subscription: SUBSCRIPTION_DOC,
  StripeEvent: STRIPE_EVENT_DOC,
};

export interface DocumentedModel {
  model: ModelName;
  doc: ModelDoc<ModelName>;
  fields: [string, string][];
}

/** The documented models about one kind of data subject, in a stable order. */
export function documentedModels(subject: 'visitor' | 'account'): DocumentedModel[] {
  return (Object.entries(STORED_DATA) as [ModelName, ModelDoc<ModelName>][])
    .filter(([, doc]) => doc.subject === subject)
    .map(([model, doc]) => ({ model, doc, fields: Object.entries(doc.fields) as [string, string][] }));
}
