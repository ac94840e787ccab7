// Turns a referrer and the page's UTM tags into a source name and a channel
// (direct, search, social, email, referral, paid). Only the grouped result is stored.
const SEARCH: Record<string, string> = {
  google: 'Google',
  bing: 'Bing',
  duckduckgo: 'DuckDuckGo',
  yahoo: 'Yahoo!',
  ecosia: 'Ecosia',
  baidu: 'Baidu',
  yandex: 'Yandex',
  qwant: 'Qwant',
  startpage: 'Startpage',
  kagi: 'Kagi',
  'search.brave': 'Brave Search',
  naver: 'Naver',
};

const SOCIAL: Record<string, string> = {
  'facebook.com': 'Facebook',
  'm.facebook.com': 'Facebook',
  'l.facebook.com': 'Facebook',
  't.co': 'X (Twitter)',
  'twitter.com': 'X (Twitter)',
  'x.com': 'X (Twitter)',
  'linkedin.com': 'LinkedIn',
  'lnkd.in': 'LinkedIn',
  'reddit.com': 'Reddit',
  'old.reddit.com': 'Reddit',
  'news.ycombinator.com': 'Hacker News',
  'instagram.com': 'Instagram',
  'l.instagram.com': 'Instagram',
  'youtube.com': 'YouTube',
  'm.youtube.com': 'YouTube',
  'tiktok.com': 'TikTok',
  'pinterest.com': 'Pinterest',
  'mastodon.social': 'Mastodon',
  'bsky.app': 'Bluesky',
  'threads.net': 'Threads',
  'lobste.rs': 'Lobsters',
};

const EMAIL: Record<string, string> = {
  'mail.google.com': 'Gmail',
  'outlook.live.com': 'Outlook',
  'outlook.office.com': 'Outlook',
  'mail.yahoo.com': 'Yahoo! Mail',
  'mail.proton.me': 'Proton Mail',
};

const PAID_MEDIUMS = new Set([
  'cpc',
  'ppc',
  'paid',
  'paidsearch',
  'paid_search',
  'paid-social',
  'paid_social',
  'cpm',
  'display',
  'ads',
]);
const EMAIL_MEDIUMS = new Set(['email', 'e-mail', 'newsletter', 'mail']);

export type Channel = 'direct' | 'search' | 'social' | 'email' | 'referral' | 'paid';

export interface Utm {
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
}

export interface Source {
  referrerDomain: string | null;
  referrerSource: string | null;
  channel: Channel;
}

const stripWww = (host: string) => host.replace(/^www\./, '');

/** Each engine's key, with its place in SEARCH (the first listed wins where two could match). */
const SEARCH_KEYS = new Map(Object.entries(SEARCH).map(([key, name], order) => [key, { key, name, order }]));
const MAX_KEY_LABELS = Math.max(...Object.keys(SEARCH).map((key) => key.split('.').length));

function searchEngine(host: string): string | null {
  const labels = host.split('.');
  // google.com, google.co.uk, www.google.com.br, search.brave.com: the engine's name followed by a
  // short suffix (one or two labels of at most three letters), so google.evil.example is not Google.
  // So the key can only end just before the last one or two labels: a few map lookups per host.
  let found: { key: string; name: string; order: number } | undefined;
  for (let suffix = 1; suffix <= 2; suffix += 1) {
    const end = labels.length - suffix;
    if (end < 1 || labels.slice(end).some((label) => label.length > 3)) continue;
    for (let size = 1; size <= Math.min(MAX_KEY_LABELS, end); size += 1) {
      const match = SEARCH_KEYS.get(labels.slice(end - size, end).join('.'));
      if (match && (!found || match.order < found.order)) found = match;
    }
  }
  if (!found) return null;
  return found.key === 'yahoo' && labels[0] === 'mail' ? null : found.name;
}

/** Classifies a visit's origin. `pageHost` is the tracked site's host: links within it are not sources. */
export function classifySource(
  referrer: string | null | undefined,
  pageHost: string,
  utm: Utm,
  clickId: boolean,
): Source {
  let domain: string | null = null;
  if (referrer) {
    try {
      const url = new URL(referrer);
      if (url.protocol === 'http:' || url.protocol === 'https:') domain = stripWww(url.hostname.toLowerCase());
    } catch {
      domain = null;
    }
  }
  if (domain && domain === stripWww(pageHost.toLowerCase())) domain = null;

  const medium = utm.utmMedium?.toLowerCase() ?? null;
  const known = domain ? (SOCIAL[domain] ?? EMAIL[domain] ?? searchEngine(domain)) : null;
  const name = known ?? utm.utmSource ?? domain;

  let channel: Channel;
  if (clickId || (medium && PAID_MEDIUMS.has(medium))) channel = 'paid';
  else if ((medium && EMAIL_MEDIUMS.has(medium)) || (domain && EMAIL[domain])) channel = 'email';
  else if (domain && searchEngine(domain)) channel = 'search';
  else if ((domain && SOCIAL[domain]) || medium === 'social') channel = 'social';
  else if (domain || utm.utmSource) channel = 'referral';
  else channel = 'direct';

  return { referrerDomain: domain, referrerSource: name, channel };
}
