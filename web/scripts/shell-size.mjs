// The initial JavaScript of the app shell, gzipped: the scripts index.html loads before anything
// is opened (its module entry and the chunks it preloads), not the lazily loaded code view.
//   node web/scripts/shell-size.mjs [web/target/classes/static]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(web, 'target/classes/static'));
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => m[1]);
let raw = 0;
let gzip = 0;
for (const src of new Set(scripts)) {
  const bytes = readFileSync(join(dir, src.replace(/^\//, '')));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
  console.log(
    `${src}: ${(bytes.length / 1024).toFixed(1)} KB, gzipped ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB`,
  );
}
console.log(
  `shell initial JS: ${(raw / 1024).toFixed(1)} KB, gzipped ${(gzip / 1024).toFixed(1)} KB (budget 300 KB)`,
);
if (gzip > 300 * 1024) {
  console.error('over the 300 KB budget');
  process.exit(1);
}
