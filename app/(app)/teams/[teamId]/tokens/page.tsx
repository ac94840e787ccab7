import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { linkClass, panelClass } from '@/components/ui/styles';
import { EXPIRY_DAYS, listApiTokens } from '@/lib/api/manage-tokens';
import { API_SCOPES, SCOPE_DESCRIPTIONS } from '@/lib/api/scopes';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { Forbidden, NotFound } from '@/lib/errors';
import { requirePermission } from '@/lib/teams/permissions';

import { CreateTokenForm, TokenList } from './tokens-panel';

export const metadata: Metadata = { title: 'API tokens', description: 'Tokens for the Glance API and MCP server.' };

export default async function TokensPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUser();
  try {
    await requirePermission(db(), user.id, teamId, 'tokens:manage');
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof Forbidden) {
      return (
        <div className="space-y-6">
          <h2 className="text-xl font-bold tracking-tight">API tokens</h2>
          <p className={panelClass}>Only the team’s owners and admins can see and create API tokens.</p>
        </div>
      );
    }
    throw error;
  }
  const tokens = await listApiTokens(db(), { userId: user.id }, teamId);
  const scopes = API_SCOPES.map((id) => ({ id, description: SCOPE_DESCRIPTIONS[id] }));
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-bold tracking-tight">API tokens</h2>
        <p className="mt-1 text-sm text-slate-600">
          Tokens let your programs and AI assistants use the{' '}
          <Link href="/docs/api" className={linkClass}>
            Glance API and MCP server
          </Link>{' '}
          for this team. A token is shown once; we keep only its hash.
        </p>
      </div>
      <section aria-labelledby="create-token-heading" className={panelClass}>
        <h2 id="create-token-heading" className="text-lg font-semibold">
          Create a token
        </h2>
        <CreateTokenForm teamId={teamId} scopes={scopes} expiryDays={[...EXPIRY_DAYS]} />
      </section>
      <section aria-labelledby="tokens-heading" className={panelClass}>
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Active tokens
        </h2>
        <TokenList
          teamId={teamId}
          tokens={tokens.map((token) => ({
            id: token.id,
            name: token.name,
            prefix: token.prefix,
            scopes: token.scopes,
            createdBy: token.createdBy?.name ?? token.createdBy?.email ?? 'a former member',
            createdAt: token.createdAt.toISOString(),
            expiresAt: token.expiresAt?.toISOString() ?? null,
            lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
            expired: token.expiresAt !== null && token.expiresAt <= new Date(),
          }))}
        />
      </section>
    </div>
  );
}
