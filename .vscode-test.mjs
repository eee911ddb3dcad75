// In-host tests for contributors with desktop VS Code (`npm run test:host`).
// CI here cannot download VS Code, so its real-VS-Code suite is test/vscode (code-server);
// set VSCODE_PATH to use an installed VS Code instead of a download.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'host',
  files: 'test/host/**/*.test.ts',
  extensionDevelopmentPath: '.',
  workspaceFolder: './demo-workspace',
  ...(process.env.VSCODE_PATH ? { useInstallation: { fromPath: process.env.VSCODE_PATH } } : {}),
  mocha: { ui: 'bdd', timeout: 60000, require: ['tsx/cjs'] },
});
