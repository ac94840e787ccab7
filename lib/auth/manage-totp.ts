// Turning TOTP two-factor authentication on and off from the security settings. Nothing changes
// until a code from the new secret proves the app is set up; enabling or disabling needs the
// current password, replaces the recovery codes, and rotates the sessions (the version changes).
import { recordAudit } from '@/lib/audit/record-audit';
import { decrypt } from '@/lib/crypto/envelope';
import { Conflict, Invalid } from '@/lib/errors';
import { securityNoticeTemplate } from '@/lib/email/templates';

import { nowOf, type AccountContext } from './account-context';
import { reauthenticate } from './reauthenticate';
import { remainingRecoveryCodes, replaceRecoveryCodes } from './recovery-codes';
import { rotateSessions } from './sessions';
import { matchingStep, newTotpSecretEnvelope, secretContext, totpSetupView } from './totp';

interface Actor {
  id: string;
  email: string;
  sessionId: string;
}

/** Creates (or replaces) the pending secret that the setup screen shows as a QR code. */
export async function beginTotpSetup(ctx: AccountContext, actor: Actor): Promise<void> {
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new Conflict('Two-factor authentication is already on.');
  await ctx.db.user.update({ where: { id: actor.id }, data: { totpPendingSecret: newTotpSecretEnvelope(actor.id) } });
}

export async function cancelTotpSetup(ctx: AccountContext, actor: Actor): Promise<void> {
  await ctx.db.user.update({ where: { id: actor.id }, data: { totpPendingSecret: null } });
}

export async function confirmTotpSetup(
  ctx: AccountContext,
  actor: Actor,
  input: { code: unknown; currentPassword: unknown },
) {
  const user = await ctx.db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { totpPendingSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new Conflict('Two-factor authentication is already on.');
  if (!user.totpPendingSecret) throw new Invalid('Start the setup again: no secret is waiting for confirmation.');
  const now = nowOf(ctx);
  const step =
    typeof input.code === 'string'
      ? matchingStep(decrypt(user.totpPendingSecret, secretContext(actor.id)), input.code, now)
      : null;
  if (step === null) {
    throw new Invalid('Please correct the highlighted fields', {
      code: 'That code does not match. Enter the 6 digits your app shows now.',
    });
  }
  await reauthenticate(ctx, actor.id, input.currentPassword);
  const result = await ctx.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: BigInt(step),
      },
    });
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, { action: 'user.totp_enabled', actorId: actor.id, targetType: 'user', targetId: actor.id });
    return { recoveryCodes, rotated: await rotateSessions(tx, actor.id, actor.sessionId, now) };
  });
  ctx.mailer.send({ to: actor.email, ...securityNoticeTemplate('Two-factor authentication was turned on', now) });
  return result;
}

export async function disableTotp(ctx: AccountContext, actor: Actor, input: { currentPassword: unknown }) {
  await reauthenticate(ctx, actor.id, input.currentPassword);
  const now = nowOf(ctx);
  const rotated = await ctx.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await recordAudit(tx, { action: 'user.totp_disabled', actorId: actor.id, targetType: 'user', targetId: actor.id });
    return rotateSessions(tx, actor.id, actor.sessionId, now);
  });
  ctx.mailer.send({ to: actor.email, ...securityNoticeTemplate('Two-factor authentication was turned off', now) });
  return rotated;
}

export async function regenerateRecoveryCodes(ctx: AccountContext, actor: Actor, input: { currentPassword: unknown }) {
  await reauthenticate(ctx, actor.id, input.currentPassword);
  return ctx.db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
    if (!user.totpEnabledAt) throw new Conflict('Turn on two-factor authentication first.');
    const codes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, {
      action: 'user.recovery_codes_regenerated',
      actorId: actor.id,
      targetType: 'user',
      targetId: actor.id,
    });
    return codes;
  });
}

/** What the security page shows: on since when, codes left, or the pending setup's QR code. */
export async function getTotpStatus(ctx: AccountContext, actor: { id: string; email: string }) {
  const user = await ctx.db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { totpEnabledAt: true, totpPendingSecret: true },
  });
  return {
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    remainingRecoveryCodes: user.totpEnabledAt ? await remainingRecoveryCodes(ctx.db, actor.id) : 0,
    setup:
      !user.totpEnabledAt && user.totpPendingSecret
        ? await totpSetupView(user.totpPendingSecret, actor.id, actor.email)
        : null,
  };
}
