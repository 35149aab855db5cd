/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Launches Chromium (`$MLGUIDE_CHROMIUM`, else /usr/bin/chromium); a clear error when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.MLGUIDE_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: run scripts/install-test-deps.sh first`);
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // Without these Chromium keeps calling Google's hosts, which this network refuses.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
