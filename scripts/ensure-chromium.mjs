#!/usr/bin/env node
// Makes sure Debian's Chromium and a CJK font are installed for the browser tests and the benchmark.
// As root (CI, a fresh machine) it installs them with apt-get; otherwise it says what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FONT_CHECK = ['fc-list', [':lang=zh', 'family']];
const packages = [];

if (!existsSync(CHROMIUM)) packages.push('chromium');
const fonts = spawnSync(FONT_CHECK[0], FONT_CHECK[1], { encoding: 'utf8' });
if (fonts.status !== 0 || fonts.stdout.trim() === '') packages.push('fonts-wqy-microhei');

if (packages.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`The browser tests need Debian's ${packages.join(' and ')}. Install with:\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  console.error(`installing ${packages.join(', ')} with apt-get (about a minute) …`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is still missing after the install; set CHROMIUM_PATH to a Chromium binary.`);
  process.exit(1);
}
