import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { deliver } from './mailer';
import { startMailSink, type MailSink } from './sink';
import { resetPasswordTemplate, verifyEmailTemplate } from './templates';

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(() => sink.stop());

describe('email over SMTP into the local sink', () => {
  it('delivers text and HTML with the link, parsed back by the sink', async () => {
    const transport = nodemailer.createTransport(sink.url);
    const link = 'http://localhost:3000/verify?token=abc_DEF-123';
    await deliver(transport, 'Glance <no-reply@glance.local>', { to: 'Ada@Example.com', ...verifyEmailTemplate(link) });
    const message = sink.messages.at(-1)!;
    expect(message).toMatchObject({
      to: ['ada@example.com'],
      from: 'no-reply@glance.local',
      subject: 'Confirm your email address for Glance',
    });
    expect(message.text).toContain(link);
    expect(message.html).toContain(`href="${link}"`);
  });

  it('escapes HTML in templates', () => {
    const template = resetPasswordTemplate('http://x/reset?token=<script>"');
    expect(template.html).not.toContain('<script>');
    expect(template.html).toContain('&lt;script&gt;&quot;');
  });
});
