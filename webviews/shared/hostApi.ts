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
export interface HostApi<State> {
  post(message: WebviewToHostMessage): void;
  /** Keeps `state` with the panel: VS Code hands it back to the host when it restores the panel. */
  setState(state: State): void;
  /** Calls `handler` for every well-formed message from the host; malformed ones are dropped. */
  onMessage(handler: (message: HostToWebviewMessage) => void): void;
}

/** Connects to the host. Call once per page. */
export function connectToHost<State>(): HostApi<State> {
  const vscode = acquireVsCodeApi();
  return {
    post: (message) => vscode.postMessage(message),
    setState: (state) => vscode.setState(state),
    onMessage: (handler) => {
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (isHostToWebviewMessage(event.data)) handler(event.data);
      });
    },
  };
}
