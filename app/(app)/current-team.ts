// The signed-in user's current team, from the glance.team preference cookie (lib/teams/current-team.ts).
import { cookies } from 'next/headers';

import { teamCookieName } from '@/lib/auth/cookies';
import { db } from '@/lib/db/client';
import { resolveCurrentTeam } from '@/lib/teams/current-team';

export async function currentTeamOf(userId: string) {
  const preferred = (await cookies()).get(teamCookieName())?.value ?? null;
  return resolveCurrentTeam(db(), userId, preferred);
}
