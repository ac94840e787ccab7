// Sets the glance.team preference cookie (which team the dashboard shows); callers check membership.
import { cookies } from 'next/headers';

import { cookieOptions, teamCookieName } from '@/lib/auth/cookies';
import { TEAM_COOKIE_MAX_AGE_SECONDS } from '@/lib/teams/current-team';

export async function rememberTeam(teamId: string): Promise<void> {
  (await cookies()).set(teamCookieName(), teamId, cookieOptions(TEAM_COOKIE_MAX_AGE_SECONDS));
}
