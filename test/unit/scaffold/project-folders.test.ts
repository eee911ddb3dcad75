import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { folderHolding, orderReadmeTargets, projectSubfolders, siteFolders } from '../../../src/core/scaffold/project-folders';

describe('scaffold: the projects New Project README offers', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-projects-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (file: string, text = '') => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };

  it('finds the subfolders with a manifest or a repository of their own, and nothing else', async () => {
    write('churn-model/pyproject.toml', '[project]\nname = "churn-model"\n');
    write('blog/.git/HEAD', 'ref: refs/heads/main\n');
    write('web-app/package.json', '{}');
    write('notes/ideas.md', '# ideas');
    write('node_modules/left-pad/package.json', '{}');
    write('.cache/thing/package.json', '{}');
    write('README.md', '# workspace');
    assert.deepEqual(await projectSubfolders(root), ['blog', 'churn-model', 'web-app'].map((n) => path.join(root, n)));
  });

  it('gives nothing for a folder that cannot be read', async () => {
    assert.deepEqual(await projectSubfolders(path.join(root, 'missing')), []);
  });

  it('prefers the project of the file being edited, the deepest one that holds it', () => {
    const project = path.join(root, 'churn-model');
    assert.equal(folderHolding([root, project], path.join(project, 'src', 'train.py')), project);
    assert.equal(folderHolding([root, project], path.join(root, 'README.md')), root);
    assert.equal(folderHolding([root, project], path.join(root + '-other', 'x.py')), undefined);
    assert.equal(folderHolding([root, project], undefined), undefined);
  });

  it('does not suggest the blog for a README when the file being edited is a post', async () => {
    write('blog/hugo.toml', 'title = "Notes"\n');
    write('blog/.git/HEAD', 'ref: refs/heads/main\n');
    write('blog/content/posts/first.md', '---\ntitle: First\n---\n');
    write('churn-model/pyproject.toml', '[project]\nname = "churn-model"\n');
    write('churn-model/src/train.py', '');
    const roots = [root, ...(await projectSubfolders(root))];
    const sites = await siteFolders(roots);
    assert.deepEqual(sites, [path.join(root, 'blog')]);
    // Editing a post: nothing is suggested, and the blog is offered last.
    const post = path.join(root, 'blog', 'content', 'posts', 'first.md');
    assert.deepEqual(orderReadmeTargets(roots, post, sites), { ordered: [root, path.join(root, 'churn-model'), path.join(root, 'blog')], preferred: undefined });
    // Editing the project's code: the project comes first.
    const code = path.join(root, 'churn-model', 'src', 'train.py');
    assert.deepEqual(orderReadmeTargets(roots, code, sites), { ordered: [path.join(root, 'churn-model'), root, path.join(root, 'blog')], preferred: path.join(root, 'churn-model') });
    // No editor open: the order found, the blog last.
    assert.deepEqual(orderReadmeTargets(roots, undefined, sites).ordered, [root, path.join(root, 'churn-model'), path.join(root, 'blog')]);
  });
});
