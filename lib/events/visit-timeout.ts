// A visit ends after this long without an event from its visitor. Ingest uses it to join events
// into visits, and the salt store to keep yesterday's salt just long enough after midnight.
export const VISIT_TIMEOUT_MS = 30 * 60 * 1000;
