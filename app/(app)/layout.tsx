import Link from 'next/link';

import { BillingBanners } from '@/components/billing/billing-banners';
import { Logo } from '@/components/ui/logo';
import { requireUser } from '@/lib/auth/current-user';
import { billingNoticesFor } from '@/lib/billing/billing-banner-data';

import { currentTeamOf } from './current-team';
import { SignOutButton } from './sign-out-button';
import { TeamSwitcher } from './team-switcher';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const notices = await billingNoticesFor(user.id);
  const { teams, current } = await currentTeamOf(user.id);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-5 py-3">
          <div className="flex items-center gap-3 text-sm">
            <Logo href="/sites" />
            <TeamSwitcher
              teams={teams.map(({ id, name }) => ({ id, name }))}
              current={current ? { id: current.id, name: current.name } : null}
            />
          </div>
          <div className="flex items-center gap-4 text-sm">
            <span className="hidden text-slate-600 md:inline">{user.email}</span>
            <Link href="/settings/security" className="font-medium text-slate-700 hover:text-brand-700">
              Security
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <BillingBanners notices={notices} />
      <main className="mx-auto max-w-6xl px-5 py-8">{children}</main>
    </div>
  );
}
