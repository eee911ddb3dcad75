// Pure logic: stays free of vscode.
// What a README can say about a project without asking: name, description, licence,
// languages and how to run it, read from package.json, pyproject.toml (PEP 621 and Poetry),
// setup.cfg and Cargo.toml. A broken manifest is reported by name and skipped.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { isFile, readSmallText } from './site-detect';

export interface RunInstructions {
  /** e.g. "npm install", "poetry install" */
  install: string[];
  /** e.g. "npm start", "streamlit run app.py" */
  run: string[];
  test: string[];
}

export interface ProjectInfo {
  name: string;
  description?: string;
  license?: string;
  /** Most-used first. */
  languages: string[];
  /** Manifests that were read. */
  manifests: string[];
  how: RunInstructions;
  /** A web UI framework found in the dependencies, for the demo section. */
  demoFramework?: 'Streamlit' | 'Gradio';
  repoUrl?: string;
  /**
   * Data the root `.gitignore` keeps out of the repository (`data/`, `*.csv`, `models/`…):
   * whoever clones the project has to get it some other way, so the README should say how.
   */
  ignoredData: string[];
  /** Readable problems with manifests ("pyproject.toml is not valid TOML (line 3): …"). */
  problems: string[];
}

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
function tableAt(t: unknown, ...keys: string[]): Table | undefined {
  let cur: unknown = t;
  for (const k of keys) {
    if (!isTable(cur)) return undefined;
    cur = cur[k];
  }
  return isTable(cur) ? cur : undefined;
}

/** A minimal INI reader for setup.cfg: sections, `key = value`, indented continuation lines. */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  let section: Record<string, string> | undefined;
  let lastKey: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') continue;
    const header = /^\[([^\]]+)\]\s*$/.exec(raw);
    if (header) {
      section = result[header[1].trim()] ??= {};
      lastKey = undefined;
      continue;
    }
    if (/^\s/.test(raw) && section && lastKey) {
      section[lastKey] = section[lastKey] ? `${section[lastKey]}\n${raw.trim()}` : raw.trim();
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (kv && section) {
      lastKey = kv[1].trim().toLowerCase();
      section[lastKey] = kv[2].trim();
    }
  }
  return result;
}

function licenseFrom(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (isTable(v)) return str(v.text) ?? str(v.type) ?? (str(v.file) ? `see ${v.file}` : undefined);
  return undefined;
}

/** "MIT License …" → "MIT". Undefined for texts we do not recognise. */
export function licenseFromText(text: string): string | undefined {
  const head = text.slice(0, 2000);
  if (/^\s*MIT License/i.test(head) || /Permission is hereby granted, free of charge/i.test(head)) return 'MIT';
  if (/Apache License[\s\S]*Version 2\.0/i.test(head)) return 'Apache-2.0';
  if (/GNU AFFERO GENERAL PUBLIC LICENSE/i.test(head)) return 'AGPL-3.0';
  if (/GNU LESSER GENERAL PUBLIC LICENSE/i.test(head)) return 'LGPL';
  if (/GNU GENERAL PUBLIC LICENSE[\s\S]*Version 3/i.test(head)) return 'GPL-3.0';
  if (/GNU GENERAL PUBLIC LICENSE[\s\S]*Version 2/i.test(head)) return 'GPL-2.0';
  if (/Mozilla Public License[\s\S]*2\.0/i.test(head)) return 'MPL-2.0';
  if (/BSD 3-Clause|Redistributions of source code[\s\S]*Neither the name/i.test(head)) return 'BSD-3-Clause';
  if (/BSD 2-Clause/i.test(head)) return 'BSD-2-Clause';
  if (/This is free and unencumbered software released into the public domain/i.test(head)) return 'Unlicense';
  return undefined;
}

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  '.py': 'Python', '.ipynb': 'Jupyter Notebook', '.ts': 'TypeScript', '.tsx': 'TypeScript', '.js': 'JavaScript', '.jsx': 'JavaScript',
  '.mjs': 'JavaScript', '.cjs': 'JavaScript', '.rs': 'Rust', '.go': 'Go', '.java': 'Java', '.kt': 'Kotlin', '.scala': 'Scala',
  '.cpp': 'C++', '.cc': 'C++', '.hpp': 'C++', '.c': 'C', '.h': 'C', '.r': 'R', '.jl': 'Julia', '.rb': 'Ruby', '.swift': 'Swift',
  '.cs': 'C#', '.m': 'MATLAB', '.sql': 'SQL', '.cu': 'CUDA', '.php': 'PHP',
};
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.venv', 'venv', 'env', '__pycache__', 'dist', 'build', 'target', 'out', '.tox', '.mypy_cache', '.pytest_cache', 'site-packages', '.next', 'coverage', '.ipynb_checkpoints']);

/** Languages by number of files (bounded walk: depth 4, 3000 entries). */
export async function detectLanguages(root: string): Promise<string[]> {
  const counts = new Map<string, number>();
  let budget = 3000;
  const walk = async (dir: string, depth: number) => {
    if (depth > 4 || budget <= 0) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (--budget <= 0) return;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(path.join(dir, e.name), depth + 1);
      } else if (e.isFile()) {
        const lang = LANGUAGE_BY_EXTENSION[path.extname(e.name).toLowerCase()];
        if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
      }
    }
  };
  await walk(root, 0);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l);
}

/** Folder names that hold data or trained models in ML projects. */
const DATA_FOLDERS = /^(?:data|datasets?|raw|processed|inputs?|models?|checkpoints?|weights|artifacts|mlruns)$/i;
/** Extensions of data files and saved models. */
const DATA_EXTENSIONS = /\.(?:csv|tsv|jsonl|parquet|feather|arrow|h5|hdf5|npy|npz|pkl|pickle|joblib|pt|pth|ckpt|safetensors|onnx|bin|zip|tar|gz|tgz)$/i;

/**
 * The patterns of a `.gitignore` that keep data or models out: a data folder (`data/`,
 * `/data`, `data/raw/`) or a data file pattern (`*.csv`, `data/*.parquet`). Negations and
 * everything else (build output, virtualenvs, caches) are left out.
 */
export function ignoredDataPatterns(gitignore: string): string[] {
  const found: string[] = [];
  for (const raw of gitignore.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const parts = line.replace(/^\/+/, '').replace(/\/+\**$/, '').split('/');
    const isDataFolder = !/[*?[]/.test(parts[0]) && DATA_FOLDERS.test(parts[0]);
    const isDataFile = DATA_EXTENSIONS.test(parts[parts.length - 1]);
    if ((isDataFolder || isDataFile) && !found.includes(line)) found.push(line);
  }
  return found.slice(0, 8);
}

function tomlProblem(file: string, err: unknown): string {
  if (err instanceof TomlError) return `${file} is not valid TOML (line ${err.line}): ${err.message.split('\n')[0]}`;
  return `${file} could not be read: ${(err as Error).message}`;
}

function dependencyNames(values: unknown): string[] {
  if (Array.isArray(values)) return values.filter((v): v is string => typeof v === 'string').map((v) => v.split(/[\s<>=!~;[(]/)[0].toLowerCase());
  if (isTable(values)) return Object.keys(values).map((k) => k.toLowerCase());
  return [];
}

export async function readProjectInfo(root: string): Promise<ProjectInfo> {
  const info: ProjectInfo = { name: path.basename(path.resolve(root)), languages: [], manifests: [], how: { install: [], run: [], test: [] }, ignoredData: [], problems: [] };
  const deps = new Set<string>();
  const pushUnique = (list: string[], cmd: string) => {
    if (!list.includes(cmd)) list.push(cmd);
  };
  let named = false;
  const setIdentity = (name?: string, description?: string, license?: string) => {
    if (name && !named) {
      info.name = name;
      named = true;
    }
    info.description ??= description;
    info.license ??= license;
  };

  const packageText = await readSmallText(path.join(root, 'package.json'));
  if (packageText !== undefined) {
    try {
      const pkg = JSON.parse(packageText) as Table;
      info.manifests.push('package.json');
      setIdentity(str(pkg.name), str(pkg.description), licenseFrom(pkg.license));
      const manager = (await isFile(path.join(root, 'pnpm-lock.yaml'))) ? 'pnpm' : (await isFile(path.join(root, 'yarn.lock'))) ? 'yarn' : 'npm';
      pushUnique(info.how.install, manager === 'yarn' ? 'yarn' : `${manager} install`);
      const scripts = isTable(pkg.scripts) ? pkg.scripts : {};
      const runScript = (name: string) => (manager === 'npm' && (name === 'start' || name === 'test') ? `npm ${name}` : `${manager} run ${name}`);
      for (const name of ['start', 'dev', 'serve', 'build']) if (typeof scripts[name] === 'string') pushUnique(info.how.run, runScript(name));
      if (typeof scripts.test === 'string' && !/no test specified/.test(scripts.test as string)) pushUnique(info.how.test, runScript('test'));
      for (const d of dependencyNames(pkg.dependencies)) deps.add(d);
    } catch (err) {
      info.problems.push(`package.json is not valid JSON: ${(err as Error).message}`);
    }
  }

  const pyprojectText = await readSmallText(path.join(root, 'pyproject.toml'));
  if (pyprojectText !== undefined) {
    try {
      const py = parseToml(pyprojectText) as Table;
      info.manifests.push('pyproject.toml');
      const project = tableAt(py, 'project');
      const poetry = tableAt(py, 'tool', 'poetry');
      if (project) {
        setIdentity(str(project.name), str(project.description), licenseFrom(project.license));
        for (const d of dependencyNames(project.dependencies)) deps.add(d);
      }
      if (poetry) {
        setIdentity(str(poetry.name), str(poetry.description), licenseFrom(poetry.license));
        for (const d of dependencyNames(poetry.dependencies)) deps.add(d);
      }
      const usesPoetry = !!poetry || /poetry/.test(String(tableAt(py, 'build-system')?.['build-backend'] ?? ''));
      pushUnique(info.how.install, usesPoetry ? 'poetry install' : 'pip install -e .');
      const scripts = { ...(tableAt(project, 'scripts') ?? {}), ...(tableAt(poetry, 'scripts') ?? {}) };
      for (const name of Object.keys(scripts)) pushUnique(info.how.run, usesPoetry ? `poetry run ${name}` : name);
      if (deps.has('pytest') || tableAt(py, 'tool', 'pytest')) pushUnique(info.how.test, usesPoetry ? 'poetry run pytest' : 'pytest');
    } catch (err) {
      info.problems.push(tomlProblem('pyproject.toml', err));
    }
  }

  const setupText = await readSmallText(path.join(root, 'setup.cfg'));
  if (setupText !== undefined) {
    const ini = parseIni(setupText);
    if (ini.metadata || ini.options) {
      info.manifests.push('setup.cfg');
      const meta = ini.metadata ?? {};
      setIdentity(str(meta.name), str(meta.description), str(meta.license));
      if (!info.how.install.some((c) => c.startsWith('pip') || c.startsWith('poetry'))) pushUnique(info.how.install, 'pip install -e .');
      for (const line of (ini['options.entry_points']?.console_scripts ?? '').split('\n')) {
        const name = /^([\w.-]+)\s*=/.exec(line.trim())?.[1];
        if (name) pushUnique(info.how.run, name);
      }
      for (const d of dependencyNames((ini.options?.install_requires ?? '').split('\n'))) deps.add(d);
    }
  }

  const cargoText = await readSmallText(path.join(root, 'Cargo.toml'));
  if (cargoText !== undefined) {
    try {
      const cargo = parseToml(cargoText) as Table;
      info.manifests.push('Cargo.toml');
      const pkg = tableAt(cargo, 'package');
      setIdentity(str(pkg?.name), str(pkg?.description), str(pkg?.license));
      pushUnique(info.how.install, 'cargo build --release');
      const bins = Array.isArray(cargo.bin) ? cargo.bin.filter(isTable).map((b) => str(b.name)).filter((n): n is string => !!n) : [];
      if (bins.length > 1) for (const b of bins) pushUnique(info.how.run, `cargo run --release --bin ${b}`);
      else pushUnique(info.how.run, 'cargo run --release');
      pushUnique(info.how.test, 'cargo test');
    } catch (err) {
      info.problems.push(tomlProblem('Cargo.toml', err));
    }
  }

  const requirements = await readSmallText(path.join(root, 'requirements.txt'));
  if (requirements !== undefined) {
    for (const d of dependencyNames(requirements.split('\n').filter((l) => !/^\s*(#|-)/.test(l)))) if (d) deps.add(d);
    if (!info.how.install.some((c) => c.startsWith('pip') || c.startsWith('poetry'))) pushUnique(info.how.install, 'pip install -r requirements.txt');
  }

  const app = (await isFile(path.join(root, 'streamlit_app.py'))) ? 'streamlit_app.py' : (await isFile(path.join(root, 'app.py'))) ? 'app.py' : undefined;
  if (deps.has('streamlit')) {
    info.demoFramework = 'Streamlit';
    if (app) pushUnique(info.how.run, `streamlit run ${app}`);
  } else if (deps.has('gradio')) {
    info.demoFramework = 'Gradio';
    if (app) pushUnique(info.how.run, `python ${app}`);
  } else if (info.how.run.length === 0 && (await isFile(path.join(root, 'main.py')))) {
    pushUnique(info.how.run, 'python main.py');
  }

  // `license = { file = "LICENSE" }` (PEP 621) names the file: read it for the licence's name too.
  const licenseFile = info.license?.startsWith('see ') ? info.license.slice(4) : undefined;
  const namedInside = licenseFile && !path.isAbsolute(licenseFile) && !licenseFile.split(/[\\/]/).includes('..') ? [licenseFile] : [];
  for (const name of [...namedInside, 'LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'COPYING']) {
    const text = await readSmallText(path.join(root, name));
    if (text !== undefined) {
      const known = licenseFromText(text);
      if (known && (info.license === undefined || info.license === `see ${licenseFile}`)) info.license = known;
      info.license ??= `see ${name}`;
      break;
    }
  }

  const gitignore = await readSmallText(path.join(root, '.gitignore'));
  if (gitignore !== undefined) info.ignoredData = ignoredDataPatterns(gitignore);

  info.languages = await detectLanguages(root);
  // Notebooks are part of how to use the project even beside a script or an app.
  if (info.languages.includes('Jupyter Notebook')) pushUnique(info.how.run, 'jupyter lab');
  return info;
}
