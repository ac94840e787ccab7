import type { Metadata } from 'next';
import Link from 'next/link';

import { EndpointReference, type ReferenceDocument } from '@/components/docs/endpoint-reference';
import { DocPage } from '@/components/marketing/doc-page';
import { CodeBlock } from '@/components/ui/code-block';
import { MAX_API_BODY_BYTES } from '@/lib/api/endpoint';
import { MAX_EVENT_BODY_BYTES } from '@/lib/api/endpoints/events';
import { EXPIRY_DAYS } from '@/lib/api/manage-tokens';
import { MCP_MAX_BODY_BYTES } from '@/lib/api/mcp-server';
import { openApiDocument } from '@/lib/api/openapi';
import { V2_DATE_RANGES, V2_METRICS } from '@/lib/api/plausible-v2';
import { API_LIMITS } from '@/lib/api/rate-limit';
import { API_SCOPES, SCOPE_DESCRIPTIONS } from '@/lib/api/scopes';
import { PAID_PLANS } from '@/lib/billing/plans';
import { config } from '@/lib/config';
import { PLAIN_DIMENSIONS } from '@/lib/stats/query/dimensions';

export const metadata: Metadata = {
  title: 'API, tokens and MCP',
  description:
    'Read statistics, manage sites and send server-side events from your own programs with team API tokens; connect AI assistants through MCP.',
};

const list = (items: readonly string[]) => new Intl.ListFormat('en').format(items);

export default function ApiDocsPage() {
  const appUrl = config().APP_URL.replace(/\/$/, '');
  const apiPlans = PAID_PLANS.filter((plan) => plan.features.statsApi).map((plan) => plan.name);
  const document = openApiDocument(appUrl);
  return (
    <DocPage
      title="API, tokens and MCP"
      intro={`The API lets your own programs read the statistics of your team’s sites, manage sites, goals and shared links, and record events from your servers. It is part of the ${list(apiPlans)} plans and of the trial.`}
    >
      <h2 id="tokens">Tokens</h2>
      <ul>
        <li>
          Owners and admins create tokens on the team’s <strong>API tokens</strong> page. A token belongs to the team,
          not to a person, and keeps working if its creator leaves.
        </li>
        <li>
          The token (it starts with <code>glc_</code>) is shown once, when it is created. Glance keeps only its SHA-256
          hash and its first 12 characters, so you can recognise it in the list; nobody can read it back, us included.
          Lost it? Revoke it and create another.
        </li>
        <li>
          Each token has scopes and may expire ({list(EXPIRY_DAYS.map((days) => `${days} days`))} or never):
          <ul>
            {API_SCOPES.map((scope) => (
              <li key={scope}>
                <code>{scope}</code>: {SCOPE_DESCRIPTIONS[scope]}
              </li>
            ))}
          </ul>
        </li>
        <li>
          The list shows who created each token and when it was last used (to the minute). Revoking a token stops it
          immediately. Creating and revoking tokens are recorded in the team’s audit log, and so are the sites, goals
          and shared links a token changes.
        </li>
      </ul>

      <h2 id="auth">Authentication, limits and errors</h2>
      <p>Send the token as a bearer token with every request, over HTTPS:</p>
      <CodeBlock
        label="Authenticated request"
        className="mt-4"
        code={`curl -H "Authorization: Bearer $GLANCE_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{"siteId":"SITE_ID","metrics":["visitors","pageviews"],"dateRange":"7d"}' \\
  ${appUrl}/api/v1/stats/query`}
      />
      <ul>
        <li>
          A missing, expired or revoked token is answered with <code>401</code>; a token without the needed scope, or a
          team whose plan lacks the API, with <code>403</code>; another team’s site with <code>404</code>.
        </li>
        <li>
          Each token may make {API_LIMITS.requests.points} requests per {API_LIMITS.requests.duration} seconds, and send{' '}
          {API_LIMITS.events.points} events per second. Every answer carries <code>RateLimit-Limit</code>,{' '}
          <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code>; past the limit you get <code>429</code>{' '}
          with <code>Retry-After</code>.
        </li>
        <li>
          Errors have one shape: <code>{'{ "error": { "code": "not_found", "message": "Site not found" } }'}</code>,
          with <code>fieldErrors</code> for invalid input. Request bodies are JSON of at most{' '}
          {MAX_API_BODY_BYTES / 1024} KB ({MAX_EVENT_BODY_BYTES / 1024} KB for events, {MCP_MAX_BODY_BYTES / 1024} KB
          for MCP); larger ones are refused with <code>413</code>.
        </li>
        <li>
          Browsers on other sites cannot call the API (it sends no CORS headers): call it from your servers, and keep
          tokens out of web pages and public repositories.
        </li>
      </ul>

      <h2 id="stats">Statistics</h2>
      <p>
        <code>POST /api/v1/stats/query</code> takes the very question the dashboard asks, so the two always agree:
        metrics, at most one dimension (
        {list([...PLAIN_DIMENSIONS, 'goal', 'prop:<name>'].map((dimension) => dimension))}), an optional granularity for
        a time series, filters, a date range (a preset or <code>{'{ "from", "to" }'}</code> dates in the site’s time
        zone), <code>compare</code> for the previous period, ordering and pagination. The same question also works as a
        query string with <code>GET</code>.
      </p>
      <p>
        <strong>Plausible-compatible queries.</strong> <code>POST /api/v2/query</code> accepts Plausible’s Stats API v2
        shape (<code>site_id</code> as the domain, <code>metrics</code>, <code>date_range</code>,{' '}
        <code>dimensions</code>, <code>filters</code>, <code>order_by</code>, <code>pagination</code>,{' '}
        <code>include.total_rows</code>) and answers <code>{'{ results, meta, query }'}</code>. Supported: the metrics{' '}
        {list(Object.keys(V2_METRICS))}; the date ranges {list(Object.keys(V2_DATE_RANGES))} and <code>[from, to]</code>{' '}
        dates; one <code>event:</code>/<code>visit:</code> dimension plus one <code>time</code> dimension; the filter
        operators <code>is</code>, <code>is_not</code>, <code>contains</code> and <code>contains_not</code> (combined
        with “and”). Anything else — other metrics or ranges, <code>matches</code> or <code>or</code> filters,
        comparisons, imported data — is answered <code>400</code> with the reason, never approximated.
      </p>

      <h2 id="events">Server-side events</h2>
      <p>
        <code>POST /api/v1/events</code> records a pageview or custom event from your server. You pass the visitor’s IP
        address and User-Agent explicitly; they go through exactly the same path as the tracker’s hits (see{' '}
        <Link href="/docs/collected-data">what Glance collects</Link>): bots, Do Not Track and excluded paths are
        dropped, the IP and User-Agent are used for the day’s anonymous visitor id and the country, and then discarded —
        never stored or logged.
      </p>

      <h2 id="mcp">MCP server for AI assistants</h2>
      <p>
        Glance speaks the Model Context Protocol (Streamable HTTP) at <code>{appUrl}/api/mcp</code>, with the same token
        as a bearer token. Its read-only tools — <code>list_sites</code>, <code>list_goals</code>,{' '}
        <code>query_stats</code> (the question shape above) and <code>get_realtime_visitors</code> — need{' '}
        <code>sites:read</code> or <code>stats:read</code>; with <code>sites:write</code> it also offers{' '}
        <code>create_goal</code> and <code>delete_goal</code>, and <code>list_shared_links</code>,{' '}
        <code>create_shared_link</code> and <code>delete_shared_link</code> (listing needs <code>sites:write</code> too,
        as in the Sites API: a link’s URL shows the site’s statistics). A token sees only the tools its scopes allow.
      </p>
      <CodeBlock
        label="MCP client configuration"
        className="mt-4"
        code={JSON.stringify(
          {
            mcpServers: {
              glance: { type: 'http', url: `${appUrl}/api/mcp`, headers: { Authorization: 'Bearer glc_…' } },
            },
          },
          null,
          2,
        )}
      />

      <h2 id="endpoints">Endpoints</h2>
      <p>
        Generated from the API’s OpenAPI 3.1 document, which is served at{' '}
        <a href="/api/v1/openapi.json">
          <code>/api/v1/openapi.json</code>
        </a>{' '}
        for code generators and API clients.
      </p>
      <EndpointReference document={document as unknown as ReferenceDocument} />
    </DocPage>
  );
}
