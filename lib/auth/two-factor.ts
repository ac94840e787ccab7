// Second factors at sign-in, after the password: a TOTP code (each time step once) or one of the
// recovery codes (each once, audit-logged).
import { recordAudit } from '@/lib/audit/record-audit';

import type { SecondFactorCheck } from './login-challenge';
import { redeemRecoveryCode } from './recovery-codes';
import { verifyTotpCode } from './totp';

export const checkSecondFactor: SecondFactorCheck = async (db, userId, answer, now) => {
  if (answer.code && (await verifyTotpCode(db, userId, answer.code, now))) return 'totp';
  if (answer.recoveryCode && (await redeemRecoveryCode(db, userId, answer.recoveryCode, now))) {
    await recordAudit(db, { action: 'user.recovery_code_used', actorId: userId, targetType: 'user', targetId: userId });
    return 'recovery-code';
  }
  return null;
};
