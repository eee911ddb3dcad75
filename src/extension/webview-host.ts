// Builds every webview's HTML in one place: strict CSP with a fresh nonce per render,
// resources only from the folders the extension ships.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

/** Folders a webview may load from: the bundles, the codicon font and our CSS. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
      vscode.Uri.joinPath(extensionUri, 'dist', 'codicons'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

export interface WebviewPage {
  /** The bundle name: `dist/webview/<entry>.js`, built from `src/webview/<entry>/main.ts`. */
  readonly entry: string;
  /** The document title, read by screen readers. */
  readonly title: string;
  /**
   * Shown from the first paint until the script renders its first state: a webview's start-up
   * and the first state (files read, git run) can take seconds, and a blank view looks broken.
   */
  readonly loading: string;
  /** `body[data-mode]` from the first paint, for a layout the script would only set later. */
  readonly mode?: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The HTML shell. No user data goes in here: the webview asks for its state with `ready`. */
export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(vscode.env.language || 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeAttribute(page.title)}</title>
<link rel="stylesheet" nonce="${nonce}" href="${asset('dist', 'codicons', 'codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" nonce="${nonce}" href="${asset('media', 'webview.css')}">
</head>
<body data-entry="${escapeAttribute(page.entry)}"${page.mode ? ` data-mode="${escapeAttribute(page.mode)}"` : ''}>
<div id="root" aria-live="polite"><p class="lip-muted lip-loading" role="status"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> ${escapeAttribute(page.loading)}</p></div>
<script type="module" nonce="${nonce}" src="${asset('dist', 'webview', `${page.entry}.js`)}"></script>
</body>
</html>`;
}
