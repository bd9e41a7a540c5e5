/**
 * Finds and launches the system Chromium. We never download a browser: the
 * search order is CHROME_PATH, then the usual install locations.
 */
import {accessSync, constants, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import puppeteer, {type Browser} from 'puppeteer-core';

/** Where we look, in order, after CHROME_PATH. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export class BrowserNotFoundError extends Error {
  constructor(searched: string[]) {
    super(
      `no Chromium found. Searched: ${searched.join(', ')}. ` +
        'Install one (Debian/Ubuntu: apt-get install -y chromium) or set CHROME_PATH to a Chrome or Chromium executable.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolves the browser executable, or throws BrowserNotFoundError naming every path searched. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates = CHROMIUM_CANDIDATES): string {
  if (env.CHROME_PATH) {
    // An explicit choice that is wrong is reported, not silently replaced by another browser.
    if (isExecutable(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new BrowserNotFoundError([`CHROME_PATH=${env.CHROME_PATH} (not an executable file)`]);
  }
  const searched: string[] = ['CHROME_PATH (unset)'];
  for (const path of candidates) {
    if (isExecutable(path)) return path;
    searched.push(path);
  }
  throw new BrowserNotFoundError(searched);
}

/**
 * Flags for a headless, offline, root-safe Chromium: no sandbox (we run as root in
 * CI), no GPU, and none of the background services that phone home.
 */
export function chromiumArgs(userDataDir: string): string[] {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-dev-shm-usage',
    '--mute-audio',
    // Identical pixels on every run: no font hinting surprises from the host.
    '--font-render-hinting=none',
    `--user-data-dir=${userDataDir}`,
  ];
}

/** The longest socket path every supported system takes (macOS: 104 bytes with the final NUL; Linux: 108). */
const MAX_SOCKET_PATH = 103;

/**
 * Chromium's temporary folder inside `scratch`, so that a Chromium killed outright leaves no
 * `org.chromium.Chromium.*` folder in the shared one; undefined (the shared one is used) when
 * the path is too long for the socket Chromium makes there, which would stop it from starting.
 */
export function chromiumTmpDir(scratch: string): string | undefined {
  const tmp = join(scratch, 'tmp');
  return join(tmp, 'org.chromium.Chromium.XXXXXX', 'SingletonSocket').length <= MAX_SOCKET_PATH ? tmp : undefined;
}

/**
 * Launches Chromium with a private profile, HOME and temporary folder inside `scratch`.
 * It talks to us over a pipe, not a WebSocket: Chromium quits when the pipe closes, so it
 * dies with this process even when this process is killed outright (kill -9), with no
 * chance to close it.
 */
export async function launchChromium(executablePath: string, scratch: string): Promise<Browser> {
  const home = join(scratch, 'home');
  const tmp = chromiumTmpDir(scratch);
  if (tmp) mkdirSync(tmp, {recursive: true});
  return puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    args: chromiumArgs(join(scratch, 'chromium-profile')),
    ignoreDefaultArgs: ['--headless'],
    env: {
      ...process.env,
      HOME: home,
      ...(tmp && {TMPDIR: tmp}),
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_DATA_HOME: join(home, '.local/share'),
    },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    protocolTimeout: 0,
  });
}
