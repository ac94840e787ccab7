// Outgoing email. Flows hand a message to a Mailer and never wait for the SMTP conversation, so
// an answer takes as long whether or not a message was sent (no account enumeration by timing).
import nodemailer, { type Transporter } from 'nodemailer';

import { config } from '@/lib/config';
import { log } from '@/lib/log';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Queues the message; delivery failures are logged, not thrown. */
  send(email: OutgoingEmail): void;
}

/** Sends through SMTP_URL now and resolves when the server accepted the message. */
export async function deliver(transport: Transporter, from: string, email: OutgoingEmail): Promise<void> {
  await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text, html: email.html });
}

const globalForMail = globalThis as unknown as { glanceMailer?: Mailer };

/** The process's mailer over SMTP_URL (a local sink in development and tests). */
export function mailer(): Mailer {
  if (!globalForMail.glanceMailer) {
    const { SMTP_URL, EMAIL_FROM } = config();
    const transport = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null;
    globalForMail.glanceMailer = {
      send(email) {
        if (!transport) {
          log.warn({ subject: email.subject }, 'SMTP_URL is not set: email not sent');
          return;
        }
        deliver(transport, EMAIL_FROM, email).catch((error: unknown) => {
          // The code only: SMTP error texts often quote the recipient's address.
          const code = (error as { code?: unknown } | null)?.code;
          log.error({ subject: email.subject, code: typeof code === 'string' ? code : 'unknown' }, 'email failed');
        });
      },
    };
  }
  return globalForMail.glanceMailer;
}
