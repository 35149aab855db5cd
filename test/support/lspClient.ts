/**
 * A real JSON-RPC client for the lsp tier: spawns the built language server as a child process,
 * talks LSP to it over stdio, and records what the server sends (diagnostics, progress,
 * progress-creation requests) so tests can wait on those messages with bounded timeouts.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type InitializeResult,
  type MessageConnection,
  type ProgressToken,
  type WorkDoneProgressCreateParams,
  type PublishDiagnosticsParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';

/** The repository root (this file is `test/support/lspClient.ts`). */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** How long a test waits for a message before it fails with what it saw instead. */
export const MESSAGE_TIMEOUT_MS = 15_000;

interface Waiter<T> {
  predicate: (item: T) => boolean;
  from: number;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Messages of one kind in arrival order. {@link EventLog.next} resolves with the first message at
 * or after a mark that matches, whether it already arrived or arrives later.
 */
export class EventLog<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();
  private closedBecause: Error | undefined;

  constructor(private readonly name: string) {}

  /** The position the next message will take; pass it as `from` to ignore earlier messages. */
  mark(): number {
    return this.items.length;
  }

  push(item: T): void {
    const index = this.items.push(item) - 1;
    for (const waiter of [...this.waiters]) {
      if (index >= waiter.from && waiter.predicate(item)) {
        this.waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve(item);
      }
    }
  }

  /** Fails every pending and future wait: the server is gone. */
  close(reason: Error): void {
    this.closedBecause = reason;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(reason);
    }
    this.waiters.clear();
  }

  next(predicate: (item: T) => boolean, what: string, options: { from?: number; timeoutMs?: number } = {}): Promise<T> {
    const from = options.from ?? 0;
    const found = this.items.slice(from).find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    if (this.closedBecause) return Promise.reject(this.closedBecause);
    const timeoutMs = options.timeoutMs ?? MESSAGE_TIMEOUT_MS;
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        from,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const seen = this.items.slice(from).slice(-5);
          reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for ${this.name}: ${what}; last seen ${JSON.stringify(seen)}`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }
}

/** A `$/progress` notification of work-done progress. */
export interface ProgressMessage {
  token: ProgressToken;
  value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;
}

/** A running language server and the client connected to it. */
export interface LspSession {
  connection: MessageConnection;
  pid: number;
  diagnostics: EventLog<PublishDiagnosticsParams>;
  progress: EventLog<ProgressMessage>;
  /** Tokens of `window/workDoneProgress/create` requests from the server (each answered with success). */
  progressCreated: EventLog<ProgressToken>;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  /** Waits for the next `publishDiagnostics` for `uri` (after `from`, see {@link EventLog.mark}). */
  nextDiagnostics(
    uri: string,
    options?: { from?: number; version?: number; timeoutMs?: number },
  ): Promise<PublishDiagnosticsParams>;
  /** Closes the connection and kills the process by its pid; waits until it has exited. */
  stop(): Promise<void>;
}

/** Starts `node <args...>` (for example `dist/server.js --stdio`) from the repository root. */
export function startLspProcess(args: readonly string[]): LspSession {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [...args], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start node ${args.join(' ')}`);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr += text;
  });

  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const diagnostics = new EventLog<PublishDiagnosticsParams>('textDocument/publishDiagnostics');
  const progress = new EventLog<ProgressMessage>('$/progress');
  const progressCreated = new EventLog<ProgressToken>('window/workDoneProgress/create');
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => diagnostics.push(params));
  connection.onNotification('$/progress', (params: ProgressMessage) => progress.push(params));
  connection.onRequest(WorkDoneProgressCreateRequest.method, (params: WorkDoneProgressCreateParams) => {
    progressCreated.push(params.token);
    return null;
  });
  // Writes to a server that has exited fail; the exit itself is what tests report.
  connection.onError(() => undefined);
  connection.listen();

  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      const reason = new Error(`language server exited (${String(code ?? signal)}); stderr:\n${stderr}`);
      diagnostics.close(reason);
      progress.close(reason);
      progressCreated.close(reason);
      resolve(code ?? signal ?? 'unknown');
    });
  });

  return {
    connection,
    pid,
    diagnostics,
    progress,
    progressCreated,
    exited,
    stderr: () => stderr,
    nextDiagnostics: (uri, options = {}) =>
      diagnostics.next(
        (d) => d.uri === uri && (options.version === undefined || d.version === options.version),
        `diagnostics for ${uri}${options.version === undefined ? '' : ` version ${options.version}`}`,
        options,
      ),
    stop: async () => {
      connection.dispose();
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(pid);
        } catch {
          // It exited between the check and the kill.
        }
      }
      await exited;
    },
  };
}

/** Starts the bundled server the VS Code client runs: `node dist/server.js --stdio`. */
export function startBundledServer(): LspSession {
  return startLspProcess([path.join(repoRoot, 'dist', 'server.js'), '--stdio']);
}

/** What a capable editor announces: code-action resolve of `edit`, and work-done progress. */
export const fullClientCapabilities: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: false, dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
      resolveSupport: { properties: ['edit'] },
      dataSupport: true,
    },
  },
  window: { workDoneProgress: true },
};

/** `initialize` then `initialized`, as an editor does when it starts a server. */
export async function initializeSession(
  session: LspSession,
  options: { capabilities?: ClientCapabilities; initializationOptions?: unknown } = {},
): Promise<InitializeResult> {
  // `rootUri` is deprecated but still a required property of the params type; no folder is open.
  const noRoot = { rootUri: null };
  const result = await session.connection.sendRequest(InitializeRequest.type, {
    ...noRoot,
    processId: process.pid,
    clientInfo: { name: 'mlguide-lsp-tier' },
    workspaceFolders: null,
    capabilities: options.capabilities ?? fullClientCapabilities,
    initializationOptions: options.initializationOptions,
  });
  await session.connection.sendNotification(InitializedNotification.type, {});
  return result;
}
