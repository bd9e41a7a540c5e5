/**
 * Everything a render needs running: the built page, the 127.0.0.1 server and
 * Chromium, in a private scratch HOME. `close()` stops all
 * of it and removes the scratch folder; callers run it in `finally`.
 */
import type {Browser, Page} from 'puppeteer-core';
import {findChromium, launchChromium} from './browser';
import {RenderError} from './errors';
import type {FrameSink} from './frameSink';
import {killWithThisProcess} from '../encode/orphanGuard';
import {ensurePageBuild, PAGE_ENTRY} from './pageBuild';
import {type FrameHandler, startPageServer, type PageServer} from './pageServer';
import {createScratch, usePrivateHome} from './scratch';
import {Refusal} from '../util/requestGuard';

/** Set-up stages a render reports: the caller computes the records, the session does the rest. */
export type Stage = 'records' | 'page-build' | 'browser';

export interface Session {
  browser: Browser;
  server: PageServer;
  /** Frame sinks by job id; the server routes uploads to them. */
  sinks: Map<string, FrameSink>;
  /** Rejects if Chromium goes away. */
  browserGone: Promise<never>;
  /** A new page on the render page, with every request outside the server's origin blocked and reported. */
  openPage(onBlocked: (url: string) => void): Promise<Page>;
  close(): Promise<void>;
}

/** Builds (or reuses) the page for `hash`, serves it and starts Chromium. */
export async function startSession(hash: string, onStage: (stage: Stage) => void, signal?: AbortSignal): Promise<Session> {
  const scratch = createScratch();
  const restoreHome = usePrivateHome(scratch.home);
  // The Motion Canvas vite plugin loads vite through require(); the warning is not ours to fix.
  process.env.VITE_CJS_IGNORE_WARNING = 'true';
  let browser: Browser | undefined;
  let server: PageServer | undefined;
  let stopGuard = () => {};
  const close = async () => {
    await browser?.close().catch(() => browser?.process()?.kill('SIGKILL'));
    stopGuard();
    await server?.close();
    restoreHome();
    scratch.remove();
  };
  try {
    // Fail fast on a missing browser, before the page build.
    const executable = findChromium();
    onStage('page-build');
    const {dir} = await ensurePageBuild(hash);
    signal?.throwIfAborted();

    const sinks = new Map<string, FrameSink>();
    server = await startPageServer(dir, sendToSinks(sinks));
    onStage('browser');
    browser = await launchChromium(executable, scratch.dir);
    const browserPid = browser.process()?.pid;
    if (browserPid !== undefined) stopGuard = killWithThisProcess(browserPid, {group: true});
    const launched = browser;
    const browserGone = new Promise<never>((_, reject) =>
      launched.on('disconnected', () => reject(new RenderError('Chromium exited unexpectedly during the render'))),
    );
    browserGone.catch(() => {});
    const origin = server.origin;
    return {
      browser,
      server,
      sinks,
      browserGone,
      close,
      async openPage(onBlocked) {
        const page = await launched.newPage();
        // The server's Content-Security-Policy blocks every request off the origin; Chromium
        // logs each refusal to the console, which is where we pick them up to report.
        // (Puppeteer request interception would do the same but routes every frame upload
        // through the DevTools protocol, which made rendering ten times slower.)
        const reported = new Set<string>();
        page.on('console', message => {
          // Chromium logs each blocked request as "Connecting to 'URL' violates the following Content
          // Security Policy directive…" (older builds: "Refused to connect to 'URL' …"), plus a generic
          // fetch error we skip. The scene runs twice, so each URL is reported once.
          const url = message.type() === 'error' ? blockedUrl(message.text()) : undefined;
          if (url && !reported.has(url)) onBlocked(url);
          if (url) reported.add(url);
        });
        await page.goto(`${origin}/${PAGE_ENTRY}`, {waitUntil: 'load'});
        await page.evaluate('window.renderPageReady');
        return page;
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Hands each upload to its job's sink; an upload for no running job is refused. */
export function sendToSinks(sinks: Map<string, FrameSink>): FrameHandler {
  return batch => {
    const sink = sinks.get(batch.job);
    return sink ? sink.accept(batch) : Promise.reject(new Refusal(404, `no render job "${batch.job}"`));
  };
}

/** The URL a Content-Security-Policy violation message names, if the message is one. */
export function blockedUrl(message: string): string | undefined {
  return /^(?:Connecting to|Refused to \w+(?: to)?) '([^']+)'.*Content Security Policy/.exec(message)?.[1];
}
