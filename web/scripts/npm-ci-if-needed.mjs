// Runs `npm ci --no-audit --no-fund` unless node_modules already matches package-lock.json.
//
// After a successful `npm ci` a stamp holding a hash of package-lock.json (plus the platform,
// since some dependencies ship native binaries per platform) is written inside node_modules.
// `npm ci` removes node_modules first, so a failed or interrupted install never leaves a stamp.
// Pass --force (Maven: -Dweb.npm.ci.force=true) or delete node_modules to reinstall anyway.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const nodeModules = join(root, 'node_modules');
const stamp = join(nodeModules, '.atelier-npm-ci.stamp');
const force = process.argv.slice(2).some((arg) => arg === '--force' || arg === 'true');

const expected = [
  createHash('sha256').update(readFileSync(lockFile)).digest('hex'),
  `${process.platform}-${process.arch}`,
  `node-${process.versions.node.split('.')[0]}`,
].join('\n');

const current = existsSync(stamp) ? readFileSync(stamp, 'utf8') : undefined;
if (!force && current === expected && existsSync(join(nodeModules, '.package-lock.json'))) {
  console.log('[web] node_modules is up to date with package-lock.json; skipping npm ci');
  process.exit(0);
}

rmSync(stamp, { force: true });
console.log('[web] npm ci --no-audit --no-fund');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (result.error) throw result.error;
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, expected);
