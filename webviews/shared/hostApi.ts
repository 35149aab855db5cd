import {
  isHostToWebviewMessage,
  type HostToWebviewMessage,
  type WebviewToHostMessage,
} from '../../core/src/protocol/webview';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The typed channel between a webview page and the extension host. */
export interface HostApi<State, In = HostToWebviewMessage, Out = WebviewToHostMessage> {
  post(message: Out): void;
  /** Keeps `state` with the panel: VS Code hands it back to the host when it restores the panel. */
  setState(state: State): void;
  /** What `setState` kept, as the page saved it (untrusted: check before use). */
  getState(): unknown;
  /** Calls `handler` for every well-formed message from the host; malformed ones are dropped. */
  onMessage(handler: (message: In) => void): void;
}

/**
 * Connects to the host. Call once per page. `isMessage` checks what arrives (anything may call
 * `postMessage` on a window); the profile page's messages are the default.
 */
export function connectToHost<State, In = HostToWebviewMessage, Out = WebviewToHostMessage>(
  isMessage: (value: unknown) => value is In = isHostToWebviewMessage as unknown as (value: unknown) => value is In,
): HostApi<State, In, Out> {
  const vscode = acquireVsCodeApi();
  return {
    post: (message) => vscode.postMessage(message),
    setState: (state) => vscode.setState(state),
    getState: () => vscode.getState(),
    onMessage: (handler) => {
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (isMessage(event.data)) handler(event.data);
      });
    },
  };
}
