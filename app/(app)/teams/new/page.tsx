import type { Metadata } from 'next';

import { panelClass } from '@/components/ui/styles';

import { NewTeamForm } from './new-team-form';

export const metadata: Metadata = { title: 'Create a team', description: 'A new team for sites and people.' };

export default function NewTeamPage() {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Create a team</h1>
      <p className="mt-1 text-slate-600">You will be its owner, and can invite others once it exists.</p>
      <div className={`${panelClass} mt-6 max-w-xl`}>
        <NewTeamForm />
      </div>
    </>
  );
}
