import { CodeBlock } from '@/components/ui/code-block';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { listSharedLinks } from '@/lib/sharing/manage-shared-links';

import { revokeSharedLinkAction } from './actions';
import { SharedLinkForm } from './shared-link-form';

/** The site's shared links: their addresses (and embed code), revoking, and a form for a new one. */
export async function SharedLinksSection({ siteId, canManage }: { siteId: string; canManage: boolean }) {
  const links = await listSharedLinks(db(), siteId);
  const appUrl = config().APP_URL.replace(/\/$/, '');
  return (
    <section aria-labelledby="shared-links" className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="shared-links" className="font-semibold">
        Shared links
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        A shared link shows this site’s dashboard to anyone who has it, read-only and without an account: ranges,
        filters and breakdowns work; settings and exports do not. Revoking a link turns it off at once.
      </p>
      {links.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No shared links yet.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100 text-sm">
          {links.map((link) => {
            const url = `${appUrl}/share/${link.slug}`;
            return (
              <li key={link.id} className="space-y-2 py-3">
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <span>
                    <span className="font-medium">{link.name}</span>{' '}
                    <span className="text-slate-600">
                      (
                      {[link.passwordProtected ? 'password' : 'no password', link.allowEmbed ? 'embeddable' : null]
                        .filter(Boolean)
                        .join(', ')}
                      )
                    </span>
                  </span>
                  {canManage ? (
                    <form action={revokeSharedLinkAction.bind(null, siteId)}>
                      <input type="hidden" name="linkId" value={link.id} />
                      <button type="submit" className="text-sm font-semibold text-red-700 hover:underline">
                        Revoke<span className="sr-only"> shared link {link.name}</span>
                      </button>
                    </form>
                  ) : null}
                </div>
                <a
                  href={url}
                  className="block font-mono text-xs break-all text-brand-700 hover:underline"
                  data-testid="shared-link-url"
                >
                  {url}
                </a>
                {link.allowEmbed ? (
                  <CodeBlock
                    label={`Embed code for ${link.name}`}
                    className="text-xs"
                    code={`<iframe src="${url}/embed" title="Web analytics" loading="lazy" style="width:100%;height:1600px;border:0"></iframe>`}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canManage ? (
        <div className="mt-5 border-t border-slate-100 pt-4">
          <SharedLinkForm siteId={siteId} />
        </div>
      ) : null}
    </section>
  );
}
