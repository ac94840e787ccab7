'use server';

import { redirect } from 'next/navigation';

import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { AppError, Invalid } from '@/lib/errors';
import { createSite } from '@/lib/sites/create-site';

export interface NewSiteState {
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: { domain: string; timezone: string; teamId: string };
}

export async function createSiteAction(_previous: NewSiteState, form: FormData): Promise<NewSiteState> {
  const user = await requireUser();
  const values = {
    teamId: String(form.get('teamId') ?? ''),
    domain: String(form.get('domain') ?? ''),
    timezone: String(form.get('timezone') ?? ''),
  };
  let siteId: string;
  try {
    siteId = (await createSite(db(), { userId: user.id }, values)).id;
  } catch (error) {
    if (error instanceof Invalid) return { error: error.message, fieldErrors: error.fieldErrors, values };
    if (error instanceof AppError) return { error: error.message, values };
    throw error;
  }
  redirect(`/sites/${siteId}`);
}
