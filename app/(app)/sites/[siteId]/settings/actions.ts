'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { AppError, Invalid } from '@/lib/errors';
import { deleteSite } from '@/lib/sites/delete-site';
import { createFunnel, deleteFunnel } from '@/lib/sites/funnels';
import { createGoal, deleteGoal } from '@/lib/sites/goals';
import { updateSiteSettings } from '@/lib/sites/site-settings';
import { createSharedLink, revokeSharedLink } from '@/lib/sharing/manage-shared-links';

export interface FormState {
  error?: string;
  fieldErrors?: Record<string, string>;
  done?: string;
  /** What the user typed, put back into the form after an error (never passwords). */
  values?: Record<string, string>;
}

function failure(error: unknown): FormState {
  if (error instanceof Invalid) return { error: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof AppError) return { error: error.message };
  throw error;
}

export async function addGoalAction(siteId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const kind = String(form.get('kind'));
  const input =
    kind === 'EVENT'
      ? { kind, eventName: String(form.get('eventName') ?? '') }
      : { kind, pathPattern: String(form.get('pathPattern') ?? '') };
  try {
    const goal = await createGoal(db(), { userId: user.id }, siteId, input);
    revalidatePath(`/sites/${siteId}/settings`);
    return { done: `Goal “${goal.displayName}” added.` };
  } catch (error) {
    return failure(error);
  }
}

export async function deleteGoalAction(siteId: string, form: FormData): Promise<void> {
  const user = await requireUser();
  await deleteGoal(db(), { userId: user.id }, siteId, String(form.get('goalId') ?? ''));
  revalidatePath(`/sites/${siteId}/settings`);
}

export async function deleteSiteAction(siteId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  try {
    await deleteSite(db(), { userId: user.id }, siteId, String(form.get('confirmation') ?? ''));
  } catch (error) {
    return failure(error);
  }
  redirect('/sites');
}

export async function createSharedLinkAction(siteId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = {
    name: String(form.get('name') ?? ''),
    password: String(form.get('password') ?? ''),
    allowEmbed: form.get('allowEmbed') === 'on',
  };
  try {
    const link = await createSharedLink(db(), { userId: user.id }, siteId, input);
    revalidatePath(`/sites/${siteId}/settings`);
    return { done: `Shared link “${link.name}” created.` };
  } catch (error) {
    return { ...failure(error), values: { name: input.name, allowEmbed: input.allowEmbed ? 'on' : '' } };
  }
}

export async function revokeSharedLinkAction(siteId: string, form: FormData): Promise<void> {
  const user = await requireUser();
  await revokeSharedLink(db(), { userId: user.id }, siteId, String(form.get('linkId') ?? ''));
  revalidatePath(`/sites/${siteId}/settings`);
}

export async function updateSiteSettingsAction(
  siteId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  const input = {
    excludedPaths: String(form.get('excludedPaths') ?? ''),
    allowedQueryParams: String(form.get('allowedQueryParams') ?? ''),
    respectDoNotTrack: form.get('respectDoNotTrack') === 'on',
    collectCityLevel: form.get('collectCityLevel') === 'on',
  };
  try {
    await updateSiteSettings(db(), { userId: user.id }, siteId, input);
    revalidatePath(`/sites/${siteId}/settings`);
    return { done: 'Settings saved. New hits follow them from now on.' };
  } catch (error) {
    return {
      ...failure(error),
      values: {
        excludedPaths: input.excludedPaths,
        allowedQueryParams: input.allowedQueryParams,
        respectDoNotTrack: input.respectDoNotTrack ? 'on' : '',
        collectCityLevel: input.collectCityLevel ? 'on' : '',
      },
    };
  }
}

export async function createFunnelAction(siteId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = { name: String(form.get('name') ?? ''), steps: String(form.get('steps') ?? '') };
  try {
    const funnel = await createFunnel(db(), { userId: user.id }, siteId, input);
    revalidatePath(`/sites/${siteId}/settings`);
    return { done: `Funnel “${funnel.name}” added.` };
  } catch (error) {
    return { ...failure(error), values: input };
  }
}

export async function deleteFunnelAction(siteId: string, form: FormData): Promise<void> {
  const user = await requireUser();
  await deleteFunnel(db(), { userId: user.id }, siteId, String(form.get('funnelId') ?? ''));
  revalidatePath(`/sites/${siteId}/settings`);
}
