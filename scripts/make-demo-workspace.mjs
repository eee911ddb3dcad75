// Creates the demo workspace `npm start` opens: a small Hugo blog and an ML project,
// each a git repository with a few weeks of dated history, so every feature has
// something to show. Re-running leaves an existing demo alone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const DEMO_EMAIL = 'ada@example.com';

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function commit(repo, message, daysAgo, hour = 20) {
  const when = new Date(Date.now() - daysAgo * 86_400_000);
  when.setHours(hour, 17, 0, 0);
  const date = when.toISOString();
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'Ada Demo', GIT_AUTHOR_EMAIL: DEMO_EMAIL, GIT_COMMITTER_NAME: 'Ada Demo', GIT_COMMITTER_EMAIL: DEMO_EMAIL };
  execFileSync('git', ['add', '-A'], { cwd: repo, env });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: repo, env });
}

function initRepo(repo) {
  mkdirSync(repo, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  execFileSync('git', ['config', 'user.email', DEMO_EMAIL], { cwd: repo });
  execFileSync('git', ['config', 'user.name', 'Ada Demo'], { cwd: repo });
}

export function makeDemoWorkspace(root) {
  if (existsSync(join(root, '.learn-in-public-demo'))) return root;
  mkdirSync(root, { recursive: true });
  write(join(root, '.vscode', 'settings.json'), JSON.stringify({ 'learnInPublic.tracker.emails': [DEMO_EMAIL] }, null, 2) + '\n');
  write(join(root, 'README.md'), '# Demo workspace\n\nA Hugo blog (`blog/`) and an ML project (`churn-model/`), each with git history, to try Learn in Public.\n');

  const blog = join(root, 'blog');
  initRepo(blog);
  write(join(blog, 'hugo.toml'), "baseURL = 'https://example.org/'\nlanguageCode = 'en-us'\ntitle = 'Ada learns ML'\n");
  write(join(blog, 'archetypes', 'default.md'), '---\ntitle: "{{ replace .File.ContentBaseName "-" " " | title }}"\ndate: {{ .Date }}\ndraft: true\n---\n');
  commit(blog, 'Start the blog with Hugo', 40);
  const posts = [
    ['til-train-test-split', 'TIL: split before you scale', 33],
    ['precision-vs-recall-cheatsheet', 'Precision vs recall, a cheatsheet', 24],
    ['my-first-kaggle-notebook', 'What my first Kaggle notebook taught me', 12],
    ['week-log-3', 'Week 3: gradient descent by hand', 4],
  ];
  for (const [slug, title, daysAgo] of posts) {
    const date = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    write(join(blog, 'content', 'posts', `${slug}.md`), `---\ntitle: "${title}"\ndate: ${date}\ndraft: false\ntags: ["ml"]\n---\n\nNotes on ${title.toLowerCase()}.\n`);
    commit(blog, `Post: ${title}`, daysAgo);
  }

  const project = join(root, 'churn-model');
  initRepo(project);
  write(join(project, 'pyproject.toml'), '[project]\nname = "churn-model"\nversion = "0.1.0"\ndescription = "Predict which customers of a subscription service are about to leave."\nlicense = { text = "MIT" }\nrequires-python = ">=3.10"\n\n[project.scripts]\nchurn-train = "churn_model.train:main"\n');
  write(join(project, 'churn_model', '__init__.py'), '');
  write(join(project, 'churn_model', 'train.py'), 'def main():\n    """Train the baseline model."""\n    print("training")\n');
  commit(project, 'Scope the churn project: problem and metric', 30);
  const subjects = ['Load and clean the data', 'Baseline logistic regression', 'Add precision/recall report', 'Try gradient boosting', 'Tune the threshold for recall', 'Write up results'];
  subjects.forEach((s, i) => {
    write(join(project, 'NOTES.md'), `# Notes\n\n${subjects.slice(0, i + 1).map((x) => `- ${x}`).join('\n')}\n`);
    commit(project, s, 26 - i * 4 > 0 ? 26 - i * 4 : 1, 21);
  });
  for (let d = 6; d >= 1; d--) {
    write(join(project, 'log.txt'), `day ${d}\n`);
    commit(project, `Daily practice: day ${7 - d}`, d, 19);
  }
  write(join(root, '.learn-in-public-demo'), 'created by scripts/make-demo-workspace.mjs\n');
  return root;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2] ?? join(process.cwd(), 'demo-workspace');
  console.log(makeDemoWorkspace(target));
}
