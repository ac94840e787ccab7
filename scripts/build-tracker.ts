// Builds the tracker variants into public/js/ and prints each one's size gzipped at level 9.
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { buildSync } from 'esbuild';

export const TRACKER_VARIANTS = [
  {
    file: 'script.js',
    hash: false,
    auto: false,
    what: 'pageviews, SPA navigation, custom events, revenue, manual mode',
  },
  { file: 'script.hash.js', hash: true, auto: false, what: 'the above, with hash-based routing' },
  {
    file: 'script.auto.js',
    hash: false,
    auto: true,
    what: 'the core, plus outbound links, file downloads and tagged elements',
  },
  { file: 'script.hash.auto.js', hash: true, auto: true, what: 'everything' },
] as const;

export function buildTracker(outDir = 'public/js') {
  mkdirSync(outDir, { recursive: true });
  return TRACKER_VARIANTS.map((variant) => {
    const result = buildSync({
      entryPoints: ['tracker/glance.ts'],
      bundle: true,
      minify: true,
      format: 'iife',
      target: ['es2019'],
      write: false,
      legalComments: 'none',
      define: { HASH_ROUTING: String(variant.hash), AUTO_EVENTS: String(variant.auto) },
    });
    const code = result.outputFiles[0]!.contents;
    writeFileSync(`${outDir}/${variant.file}`, code);
    return { ...variant, bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
  });
}

if (process.argv[1]?.endsWith('build-tracker.ts')) {
  for (const built of buildTracker()) {
    console.log(
      `${built.file.padEnd(22)} ${String(built.bytes).padStart(5)} B, ${String(built.gzipBytes).padStart(4)} B gzip -9  (${built.what})`,
    );
  }
}
