import type { Metadata } from 'next';

import { DataTable } from '@/components/marketing/data-table';
import { DocPage } from '@/components/marketing/doc-page';
import { Note } from '@/components/marketing/note';
import { CodeBlock } from '@/components/ui/code-block';
import { envVariables } from '@/lib/docs/env-example';

export const metadata: Metadata = {
  title: 'Self-hosting',
  description:
    'Run Glance on your own server: requirements, configuration variables, PostgreSQL, reverse proxies, backups and running several instances.',
};

export default function SelfHostingPage() {
  const variables = envVariables();
  return (
    <DocPage
      title="Self-hosting"
      intro="Glance is one Node.js application and one PostgreSQL database. Nothing else is required: no queue, no cache server, no external service."
    >
      <h2 id="requirements">Requirements</h2>
      <ul>
        <li>Node.js 20.19 or newer and npm.</li>
        <li>
          PostgreSQL (tested with version 15). No extensions are needed, so hosted PostgreSQL services work. Without{' '}
          <code>DATABASE_URL</code>, Glance starts an embedded PostgreSQL (PGlite) under <code>.data/</code>, which is
          meant for trying it out, not for production.
        </li>
        <li>A reverse proxy or load balancer that terminates HTTPS in front of it.</li>
      </ul>

      <h2 id="start">Start</h2>
      <CodeBlock
        label="Install and start"
        className="mt-4"
        code={`npm install
DATABASE_URL=postgresql://glance:password@db.internal:5432/glance npm start`}
      />
      <p>
        <code>npm start</code> generates the database client, applies pending migrations, seeds demo data into an empty
        database outside production, builds and serves on <code>PORT</code>. In production, build once with{' '}
        <code>npm run build</code> and start each instance with <code>npm start -- --no-build</code>.
      </p>

      <h2 id="configuration">Configuration</h2>
      <p>
        Glance reads only the environment variables below (also from a <code>.env</code> file), validates them at start
        and stops with a message naming any variable that is missing or malformed. With <code>APP_ENV=production</code>{' '}
        it refuses to start without a real <code>AUTH_SECRET</code>, a <code>DATABASE_URL</code>, an{' '}
        <code>https://</code> <code>APP_URL</code> and the operator details that the legal pages show.
      </p>
      <DataTable
        caption="Configuration variables"
        columns={['Variable', 'Example or default', 'Meaning']}
        rows={variables.map((variable) => [
          <code key={variable.name}>{variable.name}</code>,
          variable.example ? <code key="example">{variable.example}</code> : '—',
          variable.description,
        ])}
      />

      <h2 id="database">PostgreSQL and migrations</h2>
      <p>
        Migrations are plain SQL files in <code>prisma/migrations/</code>. Glance applies pending ones at start, each in
        a transaction and under an advisory lock, so several instances starting together never migrate twice. They are
        recorded in <code>_prisma_migrations</code> exactly as Prisma does, so <code>prisma migrate status</code>{' '}
        agrees.
        <code> npm run db:migrate</code> runs only this step.
      </p>

      <h2 id="proxy">Behind a reverse proxy</h2>
      <p>
        Glance needs each visitor’s IP address in memory to derive the country and the daily visitor id (it never stores
        it). By default it uses the address of the connection. If a proxy sits in front, set{' '}
        <code>TRUST_PROXY_HOPS</code> to the number of proxies that append to <code>X-Forwarded-For</code>; the header
        is otherwise ignored, so nobody can forge it. Point <code>APP_URL</code> at the public HTTPS address.
      </p>

      <h2 id="backups">Backups</h2>
      <p>
        Everything Glance keeps is in the database. Back it up with <code>pg_dump</code> (for example{' '}
        <code>pg_dump --format=custom --file=glance.dump &quot;$DATABASE_URL&quot;</code>) and restore with{' '}
        <code>pg_restore</code>, or with your database host’s snapshots. Backups contain no IP addresses or User-Agents,
        because the database never does.
      </p>
      <Note title="npm run backup">
        <p>A built-in backup command that wraps this is being added; this page will describe it when it ships.</p>
      </Note>

      <h2 id="scaling">Running several instances</h2>
      <ul>
        <li>
          Instances share nothing but the database: put several behind a load balancer. Visits stay correct because
          writers take per-visitor advisory locks in PostgreSQL, and the daily salts live in the database.
        </li>
        <li>
          Ingest commits hits in small batches (<code>INGEST_BATCH_MAX</code>, <code>INGEST_FLUSH_MS</code>) and answers{' '}
          <code>503</code> with <code>Retry-After</code> when its queue is full (<code>INGEST_QUEUE_MAX</code>). On
          SIGTERM an instance stops accepting connections and commits what is queued before it exits.
        </li>
        <li>Rate limits on event collection are counted per instance.</li>
        <li>
          <code>GET /api/health</code> answers <code>200</code> when the database responds and <code>503</code> when it
          does not: use it for load-balancer health checks.
        </li>
      </ul>
    </DocPage>
  );
}
