import type { Metadata } from 'next';
import Link from 'next/link';

import { DocPage } from '@/components/marketing/doc-page';
import { PAID_PLANS } from '@/lib/billing/plans';

export const metadata: Metadata = {
  title: 'Goals and funnels',
  description:
    'Define conversions in Glance as pageview goals (path patterns) or event goals (custom event names), and chain them into funnels.',
};

export default function GoalsDocsPage() {
  const funnelPlans = PAID_PLANS.filter((plan) => plan.features.funnels).map((plan) => plan.name);
  return (
    <DocPage
      title="Goals and funnels"
      intro="A goal is something you want visitors to do. Glance counts how many visitors reach each goal, and funnels show where they drop out on the way."
    >
      <h2 id="kinds">Two kinds of goals</h2>
      <ul>
        <li>
          <strong>Pageview goals</strong> match page paths with a pattern: <code>*</code> matches within one path
          segment and <code>**</code> across segments. <code>/thank-you</code> matches one page, <code>/blog/*</code>{' '}
          every article, <code>/docs/**</code> everything under <code>/docs/</code>.
        </li>
        <li>
          <strong>Event goals</strong> match a <Link href="/docs/events">custom event</Link> by its exact name, such as{' '}
          <code>Signup</code> or <code>Purchase</code>. Revenue sent with the event adds up under the goal.
        </li>
      </ul>
      <p>
        Each goal has a display name that is unique within its site. Owners and admins manage goals; members see them.
      </p>

      <h2 id="counting">How goals are counted</h2>
      <p>
        A goal counts unique visitors and visits that reached it in the chosen period, and the conversion rate: the
        share of all visitors who did. Because visitor ids change every day, a visitor who returns on another day counts
        again.
      </p>

      <h2 id="funnels">Funnels</h2>
      <p>
        A funnel is an ordered list of 2 to 8 steps, for example <em>/pricing → /signup → Signup</em>. A step is a page
        (a path pattern, as for pageview goals) or a custom event (by its exact name). For each step the dashboard shows
        the visitors who reached it <em>after the previous steps, in order, within the same visit</em>, the share of
        those who entered the funnel, and how many dropped off since the step before. A visit that sees the pages in
        another order, or spreads them over two visits, does not complete the funnel.
      </p>
      <p>
        Funnels follow the dashboard&rsquo;s date range and filters: filters choose the visits (a page filter keeps the
        visits that viewed that page), and any event of those visits can be a step. Funnels are part of the{' '}
        {new Intl.ListFormat('en').format(funnelPlans)} plans and of the trial; owners and admins add them under{' '}
        <strong>Settings → Funnels</strong>, one step per line (a line starting with <code>/</code> is a page, anything
        else an event name).
      </p>

      <h2 id="manage">Adding and removing goals</h2>
      <p>
        Open a site&rsquo;s <strong>Settings</strong> from its dashboard: add an event goal by its name or a pageview
        goal by its path pattern, or remove one. Goals apply to the data you already have. The dashboard&rsquo;s{' '}
        <strong>Goals</strong> panel lists each goal with its visitors, events, conversion rate and revenue; click one
        to filter the whole dashboard to the visitors who reached it.
      </p>
    </DocPage>
  );
}
