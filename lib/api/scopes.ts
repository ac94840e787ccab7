// What an API token may do. A token carries a subset of these; every endpoint and MCP tool names the
// one it needs, and a token without it is answered 403.
export const API_SCOPES = ['stats:read', 'sites:read', 'sites:write', 'events:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  'stats:read': 'Read statistics of the team’s sites',
  'sites:read': 'List the team’s sites and their goals',
  'sites:write': 'Create, change and delete sites and goals; create, list and revoke shared links',
  'events:write': 'Send events from your servers (server-side tracking)',
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
