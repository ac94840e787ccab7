import { describe, expect, it } from 'vitest';

import { chooseTeam } from './current-team';

describe('chooseTeam', () => {
  const teams = [{ id: 'a' }, { id: 'b' }];

  it('follows the preference when the user is in that team', () => {
    expect(chooseTeam(teams, 'b')).toEqual({ id: 'b' });
  });

  it('falls back to the first team for a missing, stale or foreign preference', () => {
    expect(chooseTeam(teams, undefined)).toEqual({ id: 'a' });
    expect(chooseTeam(teams, 'someone-elses-team')).toEqual({ id: 'a' });
  });

  it('has nothing to show a user without teams', () => {
    expect(chooseTeam([], 'a')).toBeNull();
  });
});
