// Pages that load a team's data send a member whom the team's two-factor policy blocks to the
// team's page, which says why and what to do (lib/teams/two-factor-policy.ts).
import { redirect } from 'next/navigation';

import { TwoFactorRequired } from '@/lib/errors';

export async function orTwoFactorNotice<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof TwoFactorRequired) redirect(`/teams/${error.teamId}`);
    throw error;
  }
}
