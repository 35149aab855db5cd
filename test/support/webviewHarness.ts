/**
 * A stand-in for VS Code's webview host, for the webview tier: a loopback HTTP server serves the
 * page the extension renders (the real `renderWebviewHtml`, a fresh nonce per load, this server
 * as `cspSource`) and the built bundles from `dist/webviews`; headless Chromium loads it with a
 * stub `acquireVsCodeApi` that hands every message the page posts to the test.
 */
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { createNonce, renderWebviewHtml } from '../../client/src/panels/webviewHtml';
import { EventLog, repoRoot } from './lspClient';

/** VS Code sets these on the page from the theme; a plain page has none. Dark+ values. */
const THEME_CSS = `:root {
  --vscode-font-family: system-ui, "Segoe UI", "Ubuntu", "Droid Sans", sans-serif;
  --vscode-font-size: 13px;
  --vscode-foreground: #cccccc;
  --vscode-editor-background: #1e1e1e;
  --vscode-descriptionForeground: #9d9d9d;
  --vscode-errorForeground: #f48771;
  --vscode-badge-background: #4d4d4d;
  --vscode-badge-foreground: #ffffff;
  --vscode-editorWarning-foreground: #cca700;
  --vscode-editorWidget-border: #454545;
  --vscode-panel-border: #80808059;
  --vscode-button-background: #0e639c;
  --vscode-button-foreground: #ffffff;
  --vscode-button-hoverBackground: #1177bb;
  --vscode-focusBorder: #007fd4;
}
`;

/** Light+ values of the same variables, for the light-theme screenshots. */
const LIGHT_THEME_CSS = `:root {
  --vscode-font-family: system-ui, "Segoe UI", "Ubuntu", "Droid Sans", sans-serif;
  --vscode-font-size: 13px;
  --vscode-foreground: #3b3b3b;
  --vscode-editor-background: #ffffff;
  --vscode-descriptionForeground: #717171;
  --vscode-errorForeground: #a1260d;
  --vscode-badge-background: #c4c4c4;
  --vscode-badge-foreground: #333333;
  --vscode-editorWarning-foreground: #bf8803;
  --vscode-editorWidget-border: #c8c8c8;
  --vscode-panel-border: #80808059;
  --vscode-button-background: #005fb8;
  --vscode-button-foreground: #ffffff;
  --vscode-button-hoverBackground: #0258a8;
  --vscode-focusBorder: #005fb8;
  --vscode-charts-blue: #1a85ff;
  --vscode-charts-orange: #d18616;
  --vscode-input-background: #ffffff;
  --vscode-input-foreground: #3b3b3b;
  --vscode-input-border: #cecece;
}
`;

/** High Contrast (dark) values: black background, white text, bright borders. */
const HIGH_CONTRAST_THEME_CSS = `:root {
  --vscode-font-family: system-ui, "Segoe UI", "Ubuntu", "Droid Sans", sans-serif;
  --vscode-font-size: 13px;
  --vscode-foreground: #ffffff;
  --vscode-editor-background: #000000;
  --vscode-descriptionForeground: #ffffff;
  --vscode-errorForeground: #f48771;
  --vscode-badge-background: #000000;
  --vscode-badge-foreground: #ffffff;
  --vscode-editorWarning-foreground: #ffd700;
  --vscode-editorWidget-border: #6fc3df;
  --vscode-panel-border: #6fc3df;
  --vscode-button-background: #000000;
  --vscode-button-foreground: #ffffff;
  --vscode-focusBorder: #f38518;
  --vscode-charts-blue: #3794ff;
  --vscode-charts-orange: #f38518;
  --vscode-input-background: #000000;
  --vscode-input-foreground: #ffffff;
  --vscode-input-border: #6fc3df;
}
`;

/**
 * Runs before the page's scripts. A string, not a function: tsx compiles test code with esbuild's
 * `keepNames`, whose `__name(...)` calls would fail in the page; the `__name` shim lets the
 * callbacks tests pass to `page.evaluate` (compiled the same way) run there.
 */
const HOST_API_STUB = `
globalThis.__name = globalThis.__name || ((fn) => fn);
(() => {
  const receive = window.__mlguideHostReceive;
  const record = [];
  let acquired = false;
  window.__hostMessages = record;
  window.__webviewState = undefined;
  // Like VS Code's, the API may be acquired only once per page.
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return {
      postMessage: (message) => {
        record.push(message);
        receive(message);
      },
      getState: () => window.__webviewState,
      setState: (state) => {
        window.__webviewState = state;
      },
    };
  };
})();
`;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** One load of the profile page. */
export interface ProfilePage {
  page: Page;
  /** The nonce this load's HTML was rendered with. */
  nonce: string;
  /** Messages the page posted to the host, in order. */
  posted: EventLog<unknown>;
  /** Uncaught exceptions in the page. */
  pageErrors: Error[];
  /** `console.error` output and browser-reported errors (failed loads, CSP reports). */
  consoleErrors: string[];
  /** Messages of `alert`/`confirm`/`prompt` dialogs (each dismissed). */
  dialogs: string[];
  /** Every URL the page asked for. */
  requests: string[];
  /** Sends a message from the host, as `webview.postMessage` does. */
  postFromHost(message: unknown): Promise<void>;
  /**
   * Resolves once the page has handled every message sent before: a message event listener added
   * now runs after the page's own, so when it sees a marker message the page has seen all earlier ones.
   */
  handledAllSoFar(): Promise<void>;
  /** Loads the theme's `--vscode-*` variables, as VS Code does, before screenshots. */
  applyDarkTheme(): Promise<void>;
  /** The same with VS Code's light theme's values. */
  applyLightTheme(): Promise<void>;
  /** The same with VS Code's High Contrast theme's values. */
  applyHighContrastTheme(): Promise<void>;
}

export interface WebviewHarness {
  origin: string;
  /** Paths the HTTP server was asked for. */
  served: string[];
  openProfilePage(): Promise<ProfilePage>;
  /** Loads another webview app's page (same harness, same CSP). */
  openPage(app: 'profile' | 'checklist' | 'analysis'): Promise<ProfilePage>;
  close(): Promise<void>;
}

const WAIT_MS = 10_000;

export async function startWebviewHarness(): Promise<WebviewHarness> {
  const served: string[] = [];
  const nonces: string[] = [];
  const bundles = path.join(repoRoot, 'dist', 'webviews');
  let origin = '';

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    served.push(url.pathname);
    const send = (status: number, type: string, body: string | Buffer): void => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    const app = /^\/(profile|checklist|analysis)\.html$/.exec(url.pathname)?.[1];
    if (app) {
      const nonce = createNonce();
      nonces.push(nonce);
      send(
        200,
        'text/html; charset=utf-8',
        renderWebviewHtml({
          title:
            { profile: 'Profile: churn.csv', checklist: 'ML project checklist', analysis: 'Evaluate: predictions.csv' }[
              app
            ] ?? app,
          cspSource: origin,
          nonce,
          scriptUri: `${origin}/webviews/${app}.js`,
          styleUri: `${origin}/webviews/${app}.css`,
        }),
      );
      return;
    }
    // Chromium asks any new origin for its icon once; a webview has none to show.
    if (url.pathname === '/favicon.ico') {
      send(204, 'image/x-icon', '');
      return;
    }
    if (url.pathname === '/theme-hc.css') {
      send(200, CONTENT_TYPES['.css'] ?? 'text/css', HIGH_CONTRAST_THEME_CSS);
      return;
    }
    if (url.pathname === '/theme-light.css') {
      send(200, CONTENT_TYPES['.css'] ?? 'text/css', LIGHT_THEME_CSS);
      return;
    }
    if (url.pathname === '/theme.css') {
      send(200, CONTENT_TYPES['.css'] ?? 'text/css', THEME_CSS);
      return;
    }
    const match = /^\/webviews\/([\w.-]+)$/.exec(url.pathname);
    const type = match?.[1] ? CONTENT_TYPES[path.extname(match[1])] : undefined;
    if (match?.[1] && type) {
      fs.readFile(path.join(bundles, match[1])).then(
        (body) => send(200, type, body),
        () => send(404, 'text/plain', 'not found'),
      );
      return;
    }
    send(404, 'text/plain', 'not found');
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    server.close();
    throw error;
  }

  return {
    origin,
    served,
    close: async () => {
      await browser.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    openProfilePage: () => openPage('profile'),
    openPage: (app) => openPage(app),
  };

  async function openPage(app: 'profile' | 'checklist' | 'analysis'): Promise<ProfilePage> {
    {
      const page = await browser.newPage({ viewport: { width: 960, height: 720 } });
      page.setDefaultTimeout(WAIT_MS);
      const posted = new EventLog<unknown>('messages posted by the page');
      const pageErrors: Error[] = [];
      const consoleErrors: string[] = [];
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (request) => requests.push(request.url()));

      await page.exposeFunction('__mlguideHostReceive', (message: unknown) => posted.push(message));
      await page.addInitScript({ content: HOST_API_STUB });

      const before = nonces.length;
      await page.goto(`${origin}/${app}.html`, { waitUntil: 'load' });
      const nonce = nonces[before];
      if (nonce === undefined) throw new Error('the page was not served by the harness');

      return {
        page,
        nonce,
        posted,
        pageErrors,
        consoleErrors,
        dialogs,
        requests,
        postFromHost: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
        handledAllSoFar: () =>
          page.evaluate(
            (timeoutMs) =>
              new Promise<void>((resolve, reject) => {
                const marker = `handled-${Math.random()}`;
                const timer = setTimeout(() => reject(new Error('the marker message never arrived')), timeoutMs);
                const listener = (event: MessageEvent<unknown>): void => {
                  if (event.data !== marker) return;
                  clearTimeout(timer);
                  window.removeEventListener('message', listener);
                  resolve();
                };
                window.addEventListener('message', listener);
                window.postMessage(marker, '*');
              }),
            WAIT_MS,
          ),
        applyDarkTheme: async () => {
          await page.addStyleTag({ url: `${origin}/theme.css` });
        },
        applyLightTheme: async () => {
          await page.addStyleTag({ url: `${origin}/theme-light.css` });
        },
        applyHighContrastTheme: async () => {
          await page.addStyleTag({ url: `${origin}/theme-hc.css` });
        },
      };
    }
  }
}
