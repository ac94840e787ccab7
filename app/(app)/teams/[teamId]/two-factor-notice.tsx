import Link from 'next/link';

/** Shown instead of a team's data to a member its two-factor policy blocks. */
export function TwoFactorNotice({ teamName }: { teamName: string }) {
  return (
    <div role="alert" className="mt-6 rounded-2xl border border-amber-300 bg-amber-50 p-5 text-amber-900">
      <h2 className="font-semibold">Two-factor authentication required</h2>
      <p className="mt-1 text-sm">
        {teamName} requires two-factor authentication of its members. Until you turn it on, you cannot see the team’s
        sites and statistics.
      </p>
      <Link
        href="/settings/security"
        className="mt-3 inline-block rounded-lg bg-amber-800 px-4 py-2 text-sm font-semibold text-white hover:bg-amber-900"
      >
        Turn on two-factor authentication
      </Link>
    </div>
  );
}
