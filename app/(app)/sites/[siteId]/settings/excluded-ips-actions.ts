'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';

import { requestMeta } from '@/lib/auth/request-meta';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { AppError, Invalid } from '@/lib/errors';
import { changeExcludedIps } from '@/lib/sites/excluded-ips';

import type { FormState } from './actions';

export async function changeExcludedIpsAction(
  siteId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  const intent = String(form.get('intent') ?? 'add');
  try {
    let addresses = String(form.get('addresses') ?? '');
    if (intent === 'mine') {
      // The address this browser comes from, as ingest would see it; it goes straight into the hash.
      const ip = requestMeta(await headers()).ip;
      if (!ip) return { error: 'Your address could not be read from this request.' };
      addresses = ip;
    }
    const count = await changeExcludedIps(
      db(),
      { userId: user.id },
      siteId,
      intent === 'clear' ? { mode: 'clear' } : { mode: 'add', addresses },
    );
    revalidatePath(`/sites/${siteId}/settings`);
    if (intent === 'clear') return { done: 'The list is empty: every address is counted again.' };
    return { done: `${intent === 'mine' ? 'Your current address is' : 'Saved:'} excluded. The list holds ${count}.` };
  } catch (error) {
    if (error instanceof Invalid) return { error: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
}
