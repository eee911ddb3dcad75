import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

const CHECKLIST_COMMANDS = ['learnInPublic.checklist.openMarkdown', 'learnInPublic.checklist.chooseLocation', 'learnInPublic.checklist.addItem', 'learnInPublic.checklist.unhideAll'];

function localised(value: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  if (!key) return value;
  assert.ok(nls[key], `package.nls.json has no "${key}"`);
  return nls[key];
}

describe('checklist contributions in package.json', () => {
  it('declares every checklist command with its category, a localised title and an icon', () => {
    for (const id of CHECKLIST_COMMANDS) {
      const command = manifest.contributes.commands.find((c: { command: string }) => c.command === id);
      assert.ok(command, `${id} is not contributed`);
      assert.equal(command.category, 'Learn in Public');
      assert.ok(localised(command.title).length > 0);
      assert.match(command.icon, /^\$\([a-z-]+\)$/);
    }
  });

  it('puts the checklist commands on the view title bar', () => {
    const menu = manifest.contributes.menus['view/title'] as Array<{ command: string; when: string }>;
    for (const id of CHECKLIST_COMMANDS) assert.ok(menu.some((m) => m.command === id && m.when === 'view == learnInPublic.checklist'), id);
  });

  it('describes its settings in Markdown, and keeps the file location out of untrusted workspaces', () => {
    for (const key of ['learnInPublic.checklist.file', 'learnInPublic.checklist.recordCompletionDate']) {
      const setting = manifest.contributes.configuration.properties[key];
      assert.ok(setting, key);
      assert.ok(localised(setting.markdownDescription).length > 40);
    }
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('learnInPublic.checklist.file'));
  });

  it('has a getting-started walkthrough whose every step has a media file that exists and a button', () => {
    const walkthrough = manifest.contributes.walkthroughs.find((w: { id: string }) => w.id === 'learnInPublic.gettingStarted');
    assert.ok(walkthrough);
    assert.equal(localised(walkthrough.title), 'Get started with Learn in Public');
    const buttons: string[] = [];
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.svg ?? step.media.image;
      assert.ok(fs.existsSync(path.join(root, media)), `missing ${media}`);
      assert.ok(media.startsWith('media/walkthrough/'));
      if (step.media.svg || step.media.image) assert.ok(localised(step.media.altText).length > 10);
      const description = localised(step.description);
      const button = /\(command:([\w.]+)\)/.exec(description);
      assert.ok(button, `step ${step.id} has no button`);
      buttons.push(button[1]);
    }
    assert.deepEqual(buttons, ['learnInPublic.checklist.focus', 'learnInPublic.checklist.chooseLocation', 'learnInPublic.newPost', 'learnInPublic.newProjectReadme', 'learnInPublic.tracker.show', 'learnInPublic.practice.start', 'learnInPublic.kit.newInformationalInterview']);
  });
});
