#!/usr/bin/env node
/**
 * Before `npm test`: the end-to-end tests drive Debian's Chromium. Installs it with apt-get when it
 * is missing and we may (root on Debian), otherwise says how. Plain JavaScript: it runs before the
 * TypeScript build.
 */
'use strict';
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const canInstall = typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log('Installing Debian chromium for the end-to-end tests (apt-get)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium', {
      stdio: 'inherit',
    });
  } else {
    console.warn(`${CHROMIUM} is missing: the end-to-end tests need it. Install it with: sudo apt-get install chromium`);
  }
}
