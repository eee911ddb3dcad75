// Pure logic: stays free of vscode — and of Node: the webview bundles import this module too.
// Messages every webview exchanges with the extension, whatever its capability.

/** The webview's first message: the host answers it with the full state. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** An uncaught error in the webview, forwarded to the extension's log. */
export interface WebviewErrorMessage {
  readonly type: 'webviewError';
  readonly message: string;
  readonly stack?: string;
}
