import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The browser journeys drive Debian's Chromium. Install it (and fonts that cover Arabic) when
 * missing and we are root; otherwise stop with the command to run.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  if (os.userInfo().uid !== 0) {
    console.error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install it with:\n` +
        '  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-core\n' +
        'or point CHROMIUM_PATH at an installed Chromium.',
    );
    process.exit(1);
  }
  console.log('Installing Chromium from Debian for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-core'], { stdio: 'inherit', env });
}
