// Requests from bots, crawlers and automation are dropped before anything else happens.
import { isbot } from 'isbot';

const AUTOMATION =
  /headless|phantomjs|selenium|webdriver|puppeteer|playwright|lighthouse|pagespeed|prerender|electron/i;

export function isAutomated(userAgent: string): boolean {
  return userAgent.length < 12 || userAgent.length > 1_000 || isbot(userAgent) || AUTOMATION.test(userAgent);
}
