// The Glance tracker. Sends pageviews and custom events as text/plain (no CORS preflight), sets no
// cookie, reads nothing that could fingerprint a browser. Built by scripts/build-tracker.ts into
// public/js/: the core script, plus variants with hash routing and automatic link/class events.
// Compile-time flags (esbuild `define`): HASH_ROUTING, AUTO_EVENTS.
declare const HASH_ROUTING: boolean;
declare const AUTO_EVENTS: boolean;

interface EventOptions {
  props?: Record<string, string | number | boolean>;
  revenue?: { amount: number | string; currency: string };
  /** Page URL to report instead of the current one (manual mode, virtual pages). */
  u?: string;
  callback?: () => void;
}
type Glance = ((name: string, options?: EventOptions) => void) & { q?: IArguments[] };

(function (w: Window & { glance?: Glance }, d: Document) {
  const l = w.location;
  const script = d.currentScript as HTMLScriptElement;
  const attr = (name: string) => script.getAttribute('data-' + name);
  const endpoint = attr('api') || new URL(script.src).origin + '/api/event';
  const OPT_OUT_KEY = 'glance_ignore';

  // ?glance-opt-out=1 excludes this browser (stored first-party, only because the person asked);
  // ?glance-opt-out=0 includes it again.
  const optOut = /[?&]glance-opt-out=([01])/.exec(l.search);
  try {
    if (optOut?.[1] == '1') localStorage.setItem(OPT_OUT_KEY, '1');
    else if (optOut) localStorage.removeItem(OPT_OUT_KEY);
  } catch {
    /* storage disabled: nothing to remember */
  }

  function send(name: string, options?: EventOptions) {
    const skip =
      (/^(localhost|127(\.\d+){3}|\[::1\])$/.test(l.hostname) || l.protocol == 'file:') && attr('local') == null;
    let ignored = false;
    try {
      ignored = localStorage.getItem(OPT_OUT_KEY) == '1';
    } catch {
      /* storage disabled */
    }
    if (skip || ignored || navigator.webdriver) return options?.callback?.();
    const body: Record<string, unknown> = {
      n: name,
      u: options?.u || l.href,
      d: attr('domain'),
      r: d.referrer || null,
      w: w.innerWidth,
    };
    if (HASH_ROUTING) body.h = 1;
    if (options?.props) body.p = options.props;
    if (options?.revenue) body.$ = { a: options.revenue.amount, c: options.revenue.currency };
    fetch(endpoint, {
      method: 'POST',
      body: JSON.stringify(body),
      keepalive: true,
      headers: { 'Content-Type': 'text/plain' },
    })
      .catch(() => {})
      .then(() => options?.callback?.());
  }

  let lastPage: string | undefined;
  function pageview() {
    const page = l.pathname + (HASH_ROUTING ? l.hash : '');
    // pushState to the same path (query changes, scroll anchors) is not a new page.
    if (page == lastPage) return;
    lastPage = page;
    send('pageview');
  }

  if (attr('manual') == null) {
    const history = w.history;
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args);
        pageview();
      };
    }
    w.addEventListener('popstate', pageview);
    if (HASH_ROUTING) w.addEventListener('hashchange', pageview);
    if ((d.visibilityState as string) == 'prerender') d.addEventListener('visibilitychange', pageview, { once: true });
    else pageview();
  }

  if (AUTO_EVENTS) {
    const FILES =
      /\.(pdf|xlsx?|docx?|pptx?|txt|rtf|csv|zip|rar|7z|gz|tgz|dmg|pkg|exe|msi|apk|mp3|mp4|mov|avi|wav|epub|iso)$/i;
    d.addEventListener('click', (event) => {
      const target = event.target as Element | null;
      // Tagged elements: class="glance-event-name=Signup glance-event-plan=pro".
      const tagged = target?.closest('[class*="glance-event-name="]');
      if (tagged) {
        const props: Record<string, string> = {};
        let name = '';
        tagged.classList.forEach((cls) => {
          const match = /^glance-event-(.+)=(.+)$/.exec(cls);
          if (!match) return;
          const value = match[2]!.replace(/\+/g, ' ');
          if (match[1] == 'name') name = value;
          else props[match[1]!] = value;
        });
        send(name, { props });
        return;
      }
      const link = target?.closest('a');
      if (!link || !link.href) return;
      const url = new URL(link.href, l.href);
      if (FILES.test(url.pathname)) send('File Download', { props: { url: url.href.split('?')[0]! } });
      else if (url.host != l.host && /^https?:$/.test(url.protocol))
        send('Outbound Link: Click', { props: { url: url.href } });
    });
  }

  // Calls made before the script loaded were queued by the snippet's stub.
  const queued = w.glance?.q || [];
  w.glance = send;
  for (const args of queued) send(args[0], args[1]);
})(window, document);
