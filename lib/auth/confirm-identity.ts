// "Confirm it is you" before an irreversible step: the current password, or a passkey assertion
// made for this purpose (lib/auth/passkeys/passkey-reauth.ts).
import type { AccountContext } from './account-context';
import { verifyPasskeyReauth } from './passkeys/passkey-reauth';
import { reauthenticate } from './reauthenticate';

export interface IdentityProof {
  password?: unknown;
  /** A WebAuthn assertion (JSON) and the id of the challenge it answers (from the webauthn cookie). */
  passkey?: { challengeId: string | null; response: unknown };
}

export async function confirmIdentity(ctx: AccountContext, userId: string, proof: IdentityProof): Promise<void> {
  if (proof.passkey && typeof proof.passkey.response === 'string' && proof.passkey.response.length > 0) {
    await verifyPasskeyReauth(ctx, userId, proof.passkey);
    return;
  }
  await reauthenticate(ctx, userId, proof.password);
}
