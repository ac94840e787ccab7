// The app layout's one call for billing banners: none at all when billing is off (self-hosted).
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';

import { loadBillingNotices, type BillingNotice } from './billing-notices';

export async function billingNoticesFor(userId: string, now = new Date()): Promise<BillingNotice[]> {
  if (!config().STRIPE_SECRET_KEY) return [];
  return loadBillingNotices(db(), userId, now);
}
