// Reads the messages the app sent to the local mail sink (scripts/mail-sink.ts).
import { expect } from '@playwright/test';

import { MAIL_SINK_HTTP_PORT } from './ports';

interface SunkMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Waits until `count` messages to `to` match the subject, and returns the newest. */
export async function waitForMail(to: string, subject: RegExp, count = 1): Promise<SunkMessage> {
  let found: SunkMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`http://127.0.0.1:${MAIL_SINK_HTTP_PORT}/messages`);
        const messages = (await response.json()) as SunkMessage[];
        const matching = messages.filter((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject));
        found = matching.at(-1);
        return matching.length >= count;
      },
      { timeout: 15_000, message: `an email to ${to} matching ${subject}` },
    )
    .toBe(true);
  return found!;
}

/** The first link to the app in a message's text. */
export function linkIn(message: SunkMessage): string {
  const url = message.text.match(/https?:\/\/\S+/)?.[0];
  if (!url) throw new Error(`no link in "${message.subject}"`);
  return url;
}

export const uniqueEmail = (label: string) =>
  `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
