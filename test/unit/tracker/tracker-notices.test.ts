import assert from 'node:assert/strict';
import './fake-vscode'; // before the modules that import 'vscode'
import { sayTrackerNotice } from '../../../src/extension/tracker/tracker-notices';
import { TRACKER_MESSAGES, englishText, notice, type TrackerMessageId } from '../../../src/core/tracker/tracker-messages';
import { buildTrackerModel } from '../../../src/core/tracker/tracker-view-model';
import type { ScanResult } from '../../../src/core/tracker/scan';

// What the tracker tells the user reaches VS Code's l10n with the core's English as the key:
// if the two tables drift apart, a translation would be looked up under a key nobody uses.

describe('tracker notices', () => {
  it('says every notice in the extension exactly as the core says it in English', () => {
    for (const id of Object.keys(TRACKER_MESSAGES) as TrackerMessageId[]) {
      const n = notice(id, 'first value', 'second value');
      assert.equal(sayTrackerNotice(n), englishText(n), id);
      assert.doesNotMatch(englishText(n), /\{\d\}/, `${id}: every placeholder is filled`);
    }
  });

  it('the view model says the scan\'s notices and repository problems through the given voice', () => {
    const scan: ScanResult = {
      days: new Map(),
      perRepo: [{ folder: '/w/blog', name: 'blog', status: 'not-a-repo', message: '/w/blog is not a git repository.', notice: notice('notARepository', '/w/blog'), commits: 0, activeDays: 0, published: 0, shallow: false, detachedHead: false, read: 'none', commitsRead: 0 }],
      posts: [],
      warnings: ['ignored'],
      notices: [notice('shallow', 'blog')],
      identities: [],
      timeZone: 'UTC',
      dateKind: 'author',
      duplicates: 0,
    };
    const model = buildTrackerModel(scan, { today: '2026-11-24', say: (n) => `«${n.id}:${n.values.join('|')}»` });
    assert.deepEqual(model.warnings, ['«shallow:blog»']);
    assert.equal(model.repos[0].message, '«notARepository:/w/blog»');
    // Without a voice: the English.
    const english = buildTrackerModel(scan, { today: '2026-11-24' });
    assert.deepEqual(english.warnings, ['blog is a shallow clone: only the history it holds is counted.']);
  });
});
