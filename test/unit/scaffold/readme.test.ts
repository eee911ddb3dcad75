import assert from 'node:assert/strict';
import { parseIni, readProjectInfo, type ProjectInfo } from '../../../src/core/scaffold/project-info';
import { appendMissingSections, buildReadme, missingSections, openFenceAtEnd, README_SECTIONS } from '../../../src/core/scaffold/readme';
import { makeSite, removeTempSites } from './temp-site';

const blank = (over: Partial<ProjectInfo> = {}): ProjectInfo => ({ name: 'proj', languages: [], manifests: [], how: { install: [], run: [], test: [] }, ignoredData: [], problems: [], ...over });

describe('scaffold: project facts for a README', () => {
  after(removeTempSites);

  it('reads name, description, licence and npm scripts from package.json', async () => {
    const root = makeSite({
      'package.json': JSON.stringify({ name: 'sentiment-api', description: 'Serve a model', license: 'MIT', scripts: { start: 'node .', build: 'tsc', test: 'mocha' } }),
      'src/index.ts': '',
      'src/util.ts': '',
      'scripts/x.js': '',
    });
    const info = await readProjectInfo(root);
    assert.equal(info.name, 'sentiment-api');
    assert.equal(info.description, 'Serve a model');
    assert.equal(info.license, 'MIT');
    assert.deepEqual(info.how, { install: ['npm install'], run: ['npm start', 'npm run build'], test: ['npm test'] });
    assert.deepEqual(info.languages, ['TypeScript', 'JavaScript']);
  });

  it('reads a PEP 621 pyproject.toml with scripts and a Streamlit app', async () => {
    const root = makeSite({
      'pyproject.toml': '[project]\nname = "churn"\ndescription = "Predict churn"\nlicense = { text = "Apache-2.0" }\ndependencies = ["streamlit>=1.30", "pandas"]\n[project.scripts]\nchurn-train = "churn.train:main"\n',
      'app.py': '',
      'churn/train.py': '',
    });
    const info = await readProjectInfo(root);
    assert.equal(info.name, 'churn');
    assert.equal(info.license, 'Apache-2.0');
    assert.equal(info.demoFramework, 'Streamlit');
    assert.deepEqual(info.how.install, ['pip install -e .']);
    assert.deepEqual(info.how.run, ['churn-train', 'streamlit run app.py']);
  });

  it('reads a Poetry project', async () => {
    const root = makeSite({ 'pyproject.toml': '[tool.poetry]\nname = "vision"\ndescription = "Detect tools"\nlicense = "MIT"\n[tool.poetry.dependencies]\npython = "^3.11"\ngradio = "*"\n[tool.poetry.scripts]\nserve = "vision:serve"\n' });
    const info = await readProjectInfo(root);
    assert.equal(info.name, 'vision');
    assert.equal(info.demoFramework, 'Gradio');
    assert.deepEqual(info.how.install, ['poetry install']);
    assert.deepEqual(info.how.run, ['poetry run serve']);
  });

  it('reads setup.cfg with a small INI parser', async () => {
    const text = '[metadata]\nname = ranker\ndescription = Learning to rank\nlicense = BSD-3-Clause\n\n[options.entry_points]\nconsole_scripts =\n    rank = ranker.cli:main\n    rank-eval = ranker.eval:main\n';
    assert.equal(parseIni(text)['options.entry_points'].console_scripts, 'rank = ranker.cli:main\nrank-eval = ranker.eval:main');
    const info = await readProjectInfo(makeSite({ 'setup.cfg': text }));
    assert.equal(info.name, 'ranker');
    assert.deepEqual(info.how.run, ['rank', 'rank-eval']);
  });

  it('reads Cargo.toml and the licence file', async () => {
    const info = await readProjectInfo(makeSite({ 'Cargo.toml': '[package]\nname = "tokenizer"\ndescription = "Fast BPE"\n', LICENSE: 'MIT License\n\nCopyright (c) 2024', 'src/main.rs': '' }));
    assert.equal(info.name, 'tokenizer');
    assert.equal(info.license, 'MIT');
    assert.deepEqual(info.how.run, ['cargo run --release']);
    assert.deepEqual(info.languages, ['Rust']);
  });

  it('names a broken manifest and still reads the others', async () => {
    const info = await readProjectInfo(makeSite({ 'pyproject.toml': '[project\nname = "x"', 'package.json': '{"name": "ok"}' }));
    assert.equal(info.name, 'ok');
    assert.match(info.problems.join('\n'), /pyproject\.toml is not valid TOML \(line 1\)/);
  });

  it('names the licence from the file a pyproject.toml points at', async () => {
    const mit = 'MIT License\n\nCopyright (c) 2025 Priya\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n';
    const root = makeSite({ 'pyproject.toml': '[project]\nname = "churn"\nlicense = { file = "LICENSE.txt" }\n', 'LICENSE.txt': mit });
    assert.equal((await readProjectInfo(root)).license, 'MIT');
    const unknown = makeSite({ 'pyproject.toml': '[project]\nname = "churn"\nlicense = { file = "COPYING.md" }\n', 'COPYING.md': 'All rights reserved.\n' });
    assert.equal((await readProjectInfo(unknown)).license, 'see COPYING.md');
  });

  it('lists the notebooks among the ways to run a project that also has a script', async () => {
    const root = makeSite({
      'pyproject.toml': '[project]\nname = "churn"\n[project.scripts]\nchurn-train = "churn.train:main"\n',
      'churn/train.py': '',
      'notebooks/eda.ipynb': '{}',
    });
    assert.deepEqual((await readProjectInfo(root)).how.run, ['churn-train', 'jupyter lab']);
  });

  it('says which data the .gitignore keeps out, so the README can say how to get it', async () => {
    const root = makeSite({
      'analysis.ipynb': '{}',
      '.gitignore': '# data\n/data/\n!data/README.md\n*.parquet\nmodels/**\n.venv/\n__pycache__/\nnode_modules\n*.log\n',
    });
    const info = await readProjectInfo(root);
    assert.deepEqual(info.ignoredData, ['/data/', '*.parquet', 'models/**']);
    const text = buildReadme(info);
    assert.match(text, /^- Not in this repository \(git-ignored: `\/data\/`, `\*\.parquet`, `models\/\*\*`\)\. To get it: \.\.\. <!-- a download link or script, and where to put the files -->$/m);
    // Nothing ignored, nothing said.
    assert.doesNotMatch(buildReadme(blank()), /Not in this repository/);
    assert.deepEqual((await readProjectInfo(makeSite({ '.gitignore': 'dist/\n.env\n' }))).ignoredData, []);
  });

  it('falls back to the folder name and finds notebooks', async () => {
    const root = makeSite({ 'analysis.ipynb': '{}', 'requirements.txt': 'pandas\n# comment\n-e .\n' });
    const info = await readProjectInfo(root);
    assert.equal(info.name, root.split(/[\\/]/).pop());
    assert.deepEqual(info.languages, ['Jupyter Notebook']);
    assert.deepEqual(info.how.install, ['pip install -r requirements.txt']);
    assert.deepEqual(info.how.run, ['jupyter lab']);
  });
});

describe('scaffold: README sections', () => {
  it('builds a README with every section the sources recommend', () => {
    const text = buildReadme(blank({ description: 'Predict churn', languages: ['Python'], repoUrl: 'https://github.com/a/b', how: { install: ['pip install -e .'], run: ['churn'], test: [] } }));
    assert.match(text, /^# proj\n\nPredict churn\n\n\*\*Built with:\*\* Python \| \*\*Code:\*\* <https:\/\/github\.com\/a\/b>\n\n## The problem\n/);
    for (const s of README_SECTIONS) assert.match(text, new RegExp(`^## ${s.heading}$`, 'm'));
    assert.match(text, /business or real-world problem, not from a model/);
    assert.match(text, /```sh\npip install -e \.\n```/);
    assert.match(text, /Streamlit, Gradio or Hugging Face Spaces/);
    // The demo placeholder is no live link: forgotten, it would point nowhere on GitHub.
    assert.match(text, /^Try it: `https:\/\/huggingface\.co\/spaces\/<your-user>\/proj` <!-- replace with a link to your demo -->$/m);
    assert.doesNotMatch(text, /<https:\/\/huggingface/);
    assert.match(text, /source: "How to Build Your Career in AI" \(DeepLearning\.AI\) \(004_93e24c764982b9b4\.txt\)/);
    assert.deepEqual(missingSections(text), []);
  });

  it('writes plain ASCII, so editors do not flag look-alike characters', () => {
    assert.doesNotMatch(buildReadme(blank({ demoFramework: 'Gradio', license: 'see LICENSE' })), /[^\x00-\x7f]/);
  });

  it('does not count a heading inside an HTML comment as a section the README has', () => {
    const readme = '# proj\n\n<!--\n## Demo\n-->\n<!-- ## Data -->\n\n## How to run\n\nnpm start\n';
    const missing = missingSections(readme).map((s) => s.heading);
    assert.ok(missing.includes('Demo'));
    assert.ok(!missing.includes('How to run'));
  });

  it('appends only the missing sections and keeps the existing text byte-for-byte', () => {
    const existing = '# My project\n\nIntro.\n\n## Installation\n\n```sh\n## not a heading\n```\n\nResults\n-------\n\nGood.\n\n## License\nMIT\n';
    const { text, added } = appendMissingSections(existing, blank());
    assert.ok(text.startsWith(existing));
    assert.ok(!added.includes('How to run'));
    assert.ok(!added.includes('Results'));
    assert.ok(!added.includes('License'));
    assert.ok(added.includes('The problem'));
    assert.equal(text.split('## How to run').length, 1);
  });

  it('closes a code block the README leaves open before adding sections, so they are not shown as code', () => {
    const existing = '# P\n\n~~~~python\nprint("hi")\n```\nstill code';
    const { text } = appendMissingSections(existing, blank());
    assert.ok(text.startsWith(existing + '\n~~~~\n\n<!-- Sections added'), text.slice(0, 80));
    assert.equal(openFenceAtEnd(text), undefined);
    // A fence line inside an HTML block is text: nothing to close.
    for (const html of ['<pre>\n```\n</pre>\n', '<!--\n```\n-->\n', '<!-- one line --> text\n```py\nx\n```\n']) assert.equal(openFenceAtEnd(html), undefined, html);
    assert.equal(openFenceAtEnd('<!-- note -->\n```\ncode'), '```');
    // A closed block stays as it is: nothing is added to it.
    const closed = '# P\n\n```sh\nnpm i\n```\n';
    assert.ok(appendMissingSections(closed, blank()).text.startsWith(closed + '\n<!-- Sections added'));
  });

  it('does not count the project name heading as a section', () => {
    assert.ok(missingSections('# data-pipeline\n').some((s) => s.id === 'data'));
  });

  it('changes nothing when every section is there', () => {
    const full = buildReadme(blank());
    const r = appendMissingSections(full, blank());
    assert.equal(r.text, full);
    assert.deepEqual(r.added, []);
  });

  it('keeps Windows line endings and a missing final newline', () => {
    const existing = '# x\r\n\r\nHello';
    const { text } = appendMissingSections(existing, blank());
    assert.ok(text.startsWith(existing + '\r\n\r\n'));
    assert.doesNotMatch(text.slice(existing.length), /[^\r]\n/);
  });
});
