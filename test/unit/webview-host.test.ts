import assert from 'node:assert/strict';
import './tracker/fake-vscode'; // before the modules that import 'vscode'
import * as path from 'node:path';
import type * as vscode from 'vscode';

// The shell only joins paths under the extension's folder and turns them into webview URIs.
const fakeVscode = require('vscode') as Record<string, unknown>;
fakeVscode.Uri ??= { joinPath: (base: { fsPath: string }, ...segments: string[]) => ({ fsPath: path.join(base.fsPath, ...segments), toString: () => path.join(base.fsPath, ...segments) }) };
const { renderWebviewHtml } = require('../../src/extension/webview-host') as typeof import('../../src/extension/webview-host');

const webview = { cspSource: 'vscode-resource:', asWebviewUri: (u: vscode.Uri) => u } as unknown as vscode.Webview;
const extensionUri = { fsPath: '/ext' } as unknown as vscode.Uri;

describe('webview shell: what a view shows before its script runs', () => {
  it('says it is loading from the first paint, as a status a screen reader hears, in the muted text colour', () => {
    const html = renderWebviewHtml(webview, extensionUri, { entry: 'tracker', title: 'Learning Tracker', loading: 'Loading the learning tracker…' });
    const root = /<div id="root"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    assert.match(root, /^<p class="lip-muted lip-loading" role="status">.*Loading the learning tracker…<\/p>$/);
    assert.match(root, /codicon-loading codicon-modifier-spin" aria-hidden="true"/, 'a spinner the screen reader skips');
  });

  it('keeps its text as text and its strict policy: scripts only with the nonce, nothing inline', () => {
    const html = renderWebviewHtml(webview, extensionUri, { entry: 'practice', title: 'A <b>', loading: '<img src=x onerror=alert(1)>', mode: 'session' });
    assert.ok(!html.includes('<img'), 'no markup from the strings');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(html)?.[1];
    assert.ok(nonce);
    assert.match(html, /default-src 'none'/);
    assert.equal([...html.matchAll(/<script /g)].length, 1);
    assert.match(html, new RegExp(`<script type="module" nonce="${nonce.replace(/[+/=]/g, '\\$&')}"`));
    assert.match(html, /<body data-entry="practice" data-mode="session">/, 'the panel layout from the first paint');
  });
});
