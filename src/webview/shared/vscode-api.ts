// Browser side of the message protocol: a typed wrapper around acquireVsCodeApi().

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

export interface Messenger<ToExtension, ToWebview> {
  post(message: ToExtension): void;
  onMessage(handler: (message: ToWebview) => void): void;
  getState<T>(): T | undefined;
  setState<T>(state: T): void;
}

/**
 * Creates the messenger for this webview. Uncaught errors are forwarded to the
 * extension's log as `webviewError` so they are not lost in the webview devtools.
 */
export function createMessenger<ToExtension, ToWebview>(): Messenger<ToExtension, ToWebview> {
  api ??= acquireVsCodeApi();
  const vscode = api;
  const forward = (message: string, stack?: string) => vscode.postMessage({ type: 'webviewError', message, stack });
  window.addEventListener('error', (e) => forward(String(e.message), e.error instanceof Error ? e.error.stack : undefined));
  window.addEventListener('unhandledrejection', (e) => forward(String(e.reason), e.reason instanceof Error ? e.reason.stack : undefined));
  return {
    post: (message) => vscode.postMessage(message),
    onMessage: (handler) => window.addEventListener('message', (e: MessageEvent) => handler(e.data as ToWebview)),
    getState: <T>() => vscode.getState() as T | undefined,
    setState: <T>(state: T) => vscode.setState(state),
  };
}
