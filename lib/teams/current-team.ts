// Which team the dashboard shows: the one named by the preference cookie (glance.team) if the user
// is still in it, else their first team. The cookie is only a preference; every read checks access.
import type { Database } from '@/lib/db/client';

import { listTeamsForUser } from './permissions';

export const TEAM_COOKIE_MAX_AGE_SECONDS = 180 * 86_400;

export function chooseTeam<T extends { id: string }>(teams: T[], preferredId: string | null | undefined): T | null {
  return teams.find((team) => team.id === preferredId) ?? teams[0] ?? null;
}

export async function resolveCurrentTeam(db: Database, userId: string, preferredId: string | null | undefined) {
  const teams = await listTeamsForUser(db, userId);
  return { teams, current: chooseTeam(teams, preferredId) };
}
