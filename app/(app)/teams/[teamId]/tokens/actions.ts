'use server';

import { revalidatePath } from 'next/cache';

import { createApiToken, revokeApiToken } from '@/lib/api/manage-tokens';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';

export interface CreateTokenState extends ActionState {
  /** The new token, shown once; it is in this answer only, never stored in clear. */
  token?: string;
  tokenName?: string;
}

export async function createTokenAction(
  teamId: string,
  _previous: CreateTokenState,
  form: FormData,
): Promise<CreateTokenState> {
  const user = await requireUser();
  const name = String(form.get('name') ?? '');
  const expiry = String(form.get('expiresInDays') ?? '');
  try {
    const issued = await createApiToken(db(), { userId: user.id }, teamId, {
      name,
      scopes: form.getAll('scopes').map(String),
      expiresInDays: expiry ? Number(expiry) : null,
    });
    revalidatePath(`/teams/${teamId}/tokens`);
    return { ok: true, token: issued.token, tokenName: issued.name };
  } catch (error) {
    return actionError(error, { name });
  }
}

export async function revokeTokenAction(teamId: string, _previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  try {
    await revokeApiToken(db(), { userId: user.id }, teamId, String(form.get('tokenId') ?? ''));
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/teams/${teamId}/tokens`);
  return { ok: true };
}
