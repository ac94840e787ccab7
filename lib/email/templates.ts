// The emails Glance sends about an account: small functions returning subject, text and HTML.
// Links carry a single-use token; the text says how long it lasts and what to do if unexpected.
import type { OutgoingEmail } from './mailer';

export type Template = Omit<OutgoingEmail, 'to'>;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function compose(subject: string, paragraphs: string[], action?: { label: string; url: string }): Template {
  const text = [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : []), '— Glance'].join('\n\n');
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#1f57d6;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p><p style="font-size:13px;color:#475569">Or paste this link into your browser: ${escapeHtml(action.url)}</p>`
    : '';
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5">${body}${button}<p>— Glance</p></body></html>`;
  return { subject, text, html };
}

export function verifyEmailTemplate(url: string): Template {
  return compose(
    'Confirm your email address for Glance',
    [
      'Welcome to Glance. Please confirm that this address is yours to finish setting up your account.',
      'The link works once and expires in 24 hours. If you did not sign up, ignore this email.',
    ],
    { label: 'Confirm my email', url },
  );
}

export function alreadyRegisteredTemplate(signInUrl: string, resetUrl: string): Template {
  return compose('Someone tried to sign up with your email', [
    'Someone (perhaps you) tried to create a Glance account with this address, which already has one.',
    `To use it, sign in at ${signInUrl}. Forgot the password? Reset it at ${resetUrl}.`,
    'If it was not you, nothing changed and you need not do anything.',
  ]);
}

export function resetPasswordTemplate(url: string): Template {
  return compose(
    'Reset your Glance password',
    [
      'We received a request to reset the password of the Glance account with this address.',
      'The link works once and expires in 1 hour. Resetting signs out every browser. If you did not ask, ignore this email: your password stays as it is.',
    ],
    { label: 'Choose a new password', url },
  );
}

export function confirmEmailChangeTemplate(url: string): Template {
  return compose(
    'Confirm your new email address for Glance',
    [
      'You asked to use this address for your Glance account. Confirm it to complete the change.',
      'The link works once and expires in 24 hours. If you did not ask, ignore this email.',
    ],
    { label: 'Confirm the new address', url },
  );
}

/** `what` goes in the subject (which logs may show): keep names and addresses for `detail`. */
export function securityNoticeTemplate(what: string, when: Date, detail?: string): Template {
  return compose(`Security notice: ${what}`, [
    `${what} on your Glance account at ${when.toUTCString()}.`,
    ...(detail ? [detail] : []),
    'If this was you, there is nothing to do. If not, reset your password now and review your active sessions under Settings → Security.',
  ]);
}

/** `teamName` and `inviter` are the team's own words: they go in the body (escaped), not the subject. */
export function invitationTemplate(teamName: string, inviter: string, role: string, url: string): Template {
  return compose(
    'You are invited to a team on Glance',
    [
      `${inviter} invited you to join the team “${teamName}” on Glance, the privacy-first web analytics service, as ${role}.`,
      'The link works once and expires in 7 days. If you do not know the sender, ignore this email: nothing happens unless you accept.',
    ],
    { label: 'See the invitation', url },
  );
}
