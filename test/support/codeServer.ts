/**
 * A real VS Code for the host and end-to-end tiers: code-server 4.100.3 (VS Code 1.100.3),
 * installed by scripts/install-vscode-host.sh, on a loopback port, driven by Debian's Chromium.
 * See ../shared/docs/vscode-host.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import * as path from 'node:path';

export { launchBrowser } from './browser';

export const CODE_SERVER_VERSION = '4.100.3';
export const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * An empty extensions gallery: code-server otherwise queries open-vsx.org at start, and tests
 * touch nothing but loopback.
 */
const OFFLINE_ENV = { EXTENSIONS_GALLERY: '{}' };

/** The code-server binary the install script puts in place; a clear error when it is missing. */
export function codeServerBin(): string {
  const hostDir =
    process.env.MLGUIDE_HOST_DIR ?? path.join(homedir(), '.cache', 'mlguide', `code-server-${CODE_SERVER_VERSION}`);
  const bin = path.join(hostDir, 'node_modules', '.bin', 'code-server');
  if (!existsSync(path.join(hostDir, `.mlguide-installed-${CODE_SERVER_VERSION}`)) || !existsSync(bin)) {
    throw new Error(`VS Code host not installed at ${hostDir}: run scripts/install-test-deps.sh first`);
  }
  return bin;
}

/** A port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export function installVsix(vsix: string, extensionsDir: string, userDataDir: string): void {
  const result = spawnSync(
    codeServerBin(),
    ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...OFFLINE_ENV } },
  );
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  }
}

export interface RunningCodeServer {
  port: number;
  origin: string;
  /** Everything the server printed, for failure reports. */
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  folder: string;
  extensionsDir: string;
  userDataDir: string;
  env?: NodeJS.ProcessEnv;
  settings?: Record<string, unknown>;
}

/** Starts code-server on a free loopback port and resolves once it listens. */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const userSettings = path.join(options.userDataDir, 'User');
  mkdirSync(userSettings, { recursive: true });
  mkdirSync(options.extensionsDir, { recursive: true });
  writeFileSync(
    path.join(userSettings, 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'update.mode': 'none',
        'chat.commandCenter.enabled': false,
        ...options.settings,
      },
      null,
      2,
    ),
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    codeServerBin(),
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--extensions-dir',
      options.extensionsDir,
      '--user-data-dir',
      options.userDataDir,
      options.folder,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...OFFLINE_ENV, ...options.env } },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (data: Buffer): void => {
      output += data.toString();
      if (output.includes('HTTP server listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${String(code)} before listening:\n${output}`));
    });
  });
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      // The server, its extension hosts and the language servers they start share its group.
      const group = -child.pid;
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(group, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
