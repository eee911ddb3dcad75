// The VS Code profile `npm start` runs code-server with: one per port, so two demos on
// different ports never share (and lock) one profile. Its settings.json is written once,
// with what the demo needs; after that it is the user's, so a theme they chose survives a restart.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_PORT = 8080;

const DEMO_SETTINGS = {
  // The demo workspace is ours, so it is trusted.
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
};

/** Creates (once) the demo profile for `port` under `cache` and returns its folder. */
export function prepareDemoProfile(cache, port) {
  const profile = join(cache, port === DEFAULT_PORT ? 'demo-profile' : `demo-profile-${port}`);
  const settings = join(profile, 'User', 'settings.json');
  mkdirSync(join(profile, 'User'), { recursive: true });
  if (!existsSync(settings)) writeFileSync(settings, JSON.stringify(DEMO_SETTINGS, null, 2) + '\n', { flag: 'wx' });
  return profile;
}
