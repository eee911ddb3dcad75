import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The manifest as a whole, as a user meets it: every label has its text, every command in
// the palette works and is grouped under "Learn in Public", every setting is ours and
// described, and the extension only wakes up when one of its views or commands is used.

const root = path.resolve(__dirname, '../..');
const manifestText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText);
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
  icon?: string;
  enablement?: string;
}
interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

const commands = manifest.contributes.commands as CommandContribution[];
const menus = manifest.contributes.menus as Record<string, MenuEntry[]>;
const settings = manifest.contributes.configuration.properties as Record<string, Record<string, unknown>>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}
const extensionFiles = sourceFiles(path.join(root, 'src/extension'));
const extensionSource = extensionFiles.map((file) => fs.readFileSync(file, 'utf8')).join('\n');

describe('package.json as a whole', () => {
  it('has the text of every %key% it uses in package.nls.json', () => {
    const keys = [...manifestText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 50, 'expected the manifest to be localised');
    const missing = [...new Set(keys)].filter((key) => typeof nls[key] !== 'string' || nls[key].trim() === '');
    assert.deepEqual(missing, []);
  });

  it('keeps no text in package.nls.json that the manifest does not use', () => {
    const used = new Set([...manifestText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
  });

  it('registers every contributed command in the extension code', () => {
    const unregistered = commands.map((c) => c.command).filter((id) => !extensionSource.includes(`'${id}'`) && !extensionSource.includes(`"${id}"`) && !extensionSource.includes(`\`${id}\``));
    assert.deepEqual(unregistered, []);
  });

  it('puts every command under the "Learn in Public" category with a localised title', () => {
    for (const command of commands) {
      assert.equal(command.category, 'Learn in Public', command.command);
      assert.match(command.title, /^%[^%]+%$/, `${command.command} has a title that is not localised`);
      assert.ok(command.command.startsWith('learnInPublic.'), command.command);
    }
  });

  it('gives every command shown in a view title bar a codicon', () => {
    for (const entry of menus['view/title'] ?? []) {
      const command = commands.find((c) => c.command === entry.command);
      assert.ok(command, `${entry.command} is in view/title but not contributed`);
      assert.match(command.icon ?? '', /^\$\([a-z0-9-]+\)$/, `${entry.command} has no codicon`);
      assert.match(entry.when ?? '', /view == learnInPublic\.\w+/, `${entry.command} shows in every view's title bar`);
    }
  });

  it('shows commands that need git or a selection only where they can work', () => {
    const palette = new Map((menus.commandPalette ?? []).map((entry) => [entry.command, entry.when ?? '']));
    for (const command of commands.filter((c) => /isWorkspaceTrusted/.test(c.enablement ?? ''))) {
      assert.match(palette.get(command.command) ?? '', /isWorkspaceTrusted/, `${command.command} shows in the palette of an untrusted workspace`);
    }
    assert.match(palette.get('learnInPublic.newPostFromSelection') ?? '', /editor/);
    // Commands that act on a tree item make no sense from the palette.
    for (const entry of menus['view/item/context'] ?? []) {
      if (entry.group === 'inline') continue;
      assert.equal(palette.get(entry.command), 'false', `${entry.command} acts on a tree item but shows in the palette`);
    }
  });

  it('names every menu and keybinding command that it contributes', () => {
    const ids = new Set(commands.map((c) => c.command));
    for (const [menu, entries] of Object.entries(menus)) {
      for (const entry of entries) assert.ok(ids.has(entry.command), `${menu} names ${entry.command}, which is not contributed`);
    }
    for (const binding of manifest.contributes.keybindings ?? []) assert.ok(ids.has(binding.command), binding.command);
  });

  it('keeps every setting under learnInPublic.<capability>. with a localised Markdown description', () => {
    assert.ok(Object.keys(settings).length > 10);
    for (const [key, setting] of Object.entries(settings)) {
      assert.match(key, /^learnInPublic\.[a-z]+\.[A-Za-z]+$/, key);
      assert.match(String(setting.markdownDescription ?? ''), /^%[^%]+%$/, `${key} has no localised markdownDescription`);
      assert.equal(setting.description, undefined, `${key} has a plain description as well`);
      if (Array.isArray(setting.enum) && setting.enumDescriptions) assert.equal((setting.enumDescriptions as unknown[]).length, setting.enum.length, key);
    }
  });

  it('lets only the user, never a workspace, name a folder outside the workspace to write into', () => {
    for (const key of ['learnInPublic.card.folder', 'learnInPublic.kit.offerWorksheetLocation']) {
      assert.ok(['machine', 'application'].includes(String(settings[key]?.scope)), `${key} can be set by a workspace`);
    }
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('learnInPublic.checklist.file'));
  });

  it('calls vscode.l10n.t by its name, so the l10n export (scripts/build.mjs) finds every string', () => {
    const aliased = extensionFiles
      .map((file) => path.relative(root, file).split(path.sep).join('/'))
      .filter((file) => /=\s*vscode\.l10n\.t\b(?!\()|\{\s*t\s*\}\s*=\s*vscode\.l10n|l10n\.t\(\s*[^'"`\s]/.test(fs.readFileSync(path.join(root, file), 'utf8')));
    assert.deepEqual(aliased, []);
  });

  it('activates after startup, never during it: no "*", and onStartupFinished so the status bar streak appears without opening the sidebar', () => {
    const events: string[] = manifest.activationEvents ?? [];
    assert.ok(!events.includes('*'));
    assert.ok(events.includes('onStartupFinished'));
  });

  it('declares limited support for untrusted and virtual workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
  });
});
