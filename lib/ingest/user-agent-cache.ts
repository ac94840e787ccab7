// What ingest needs from a User-Agent (is it automation; else the coarse device), remembered for the
// User-Agents seen most recently: parsing costs more than the rest of a hit (ua-parser-js ~23 µs,
// isbot ~4 µs here) and real traffic repeats a few hundred User-Agents over and over.
// Privacy: entries are keyed by SHA-256 over a random per-process secret and the User-Agent, so the
// cache never holds a User-Agent as text; it lives in this process's memory only, bounded, and
// nothing of it is stored or logged. The values are the coarse facts that are stored anyway.
import { hash, randomBytes } from 'node:crypto';

import { LRUCache } from 'lru-cache';

import { isAutomated } from './bots';
import { parseUserAgent, type DeviceInfo } from './user-agent';

export type UserAgentFacts = { automated: true } | { automated: false; device: Readonly<DeviceInfo> };

/** Distinct User-Agents remembered: a few MB at most; a flood of made-up ones only evicts, never grows it. */
const MAX_ENTRIES = 10_000;

export function createUserAgentCache(max = MAX_ENTRIES) {
  const secret = randomBytes(32).toString('base64');
  const cache = new LRUCache<string, UserAgentFacts>({ max });
  return function describeUserAgent(userAgent: string): UserAgentFacts {
    // A secret prefix is enough here: the digest only has to be unguessable without the secret, not a MAC.
    // (A fixed-length prefix: no two User-Agents give the same input.)
    const key = hash('sha256', secret + userAgent, 'base64');
    let facts = cache.get(key);
    if (!facts) {
      // Automation is dropped before its device would matter: not parsed.
      facts = isAutomated(userAgent)
        ? { automated: true }
        : { automated: false, device: Object.freeze(parseUserAgent(userAgent)) };
      cache.set(key, facts);
    }
    return facts;
  };
}

/** The process's cache (one per ingest process; tests may build their own). */
export const describeUserAgent = createUserAgentCache();
