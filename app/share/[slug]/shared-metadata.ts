// The metadata of every shared-dashboard page. The title names no site: a password-protected link
// reveals nothing before its password.
import type { Metadata } from 'next';

export const sharedDashboardMetadata: Metadata = {
  title: 'Shared dashboard',
  description: 'A read-only web-analytics dashboard shared with Glance.',
  robots: { index: false, follow: false },
};
