// The one list of sub-processors: the sub-processor page, the privacy policy and the DPA all render it.
// Hosting and email depend on the deployment and come from configuration; payments are Stripe.
import { operator, type Operator } from './operator';

export interface Subprocessor {
  name: string;
  purpose: string;
  data: string;
  /** Whether visitor data of customers' sites (the data we process as a processor) reaches it. */
  visitorData: boolean;
}

export function subprocessors(op: Operator = operator()): Subprocessor[] {
  return [
    {
      name: op.hostingProvider,
      purpose: 'Servers and the PostgreSQL database that run Glance, and their backups.',
      data: 'Everything Glance stores: the visitor statistics in the data policy and the account data in the privacy policy.',
      visitorData: true,
    },
    {
      name: 'Stripe (Stripe Payments Europe, Ltd., Ireland; Stripe, Inc., United States)',
      purpose: 'Payments and invoices for paid plans.',
      data: 'Billing contact, billing address, VAT number and payment method of paying customers. No visitor data.',
      visitorData: false,
    },
    ...(op.emailProvider
      ? [
          {
            name: op.emailProvider,
            purpose: 'Delivering account emails: address confirmation, password reset, billing and quota notices.',
            data: 'The recipient’s email address and the message. No visitor data.',
            visitorData: false,
          },
        ]
      : []),
  ];
}
