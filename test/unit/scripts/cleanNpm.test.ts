// The installer's nested npm runs in a clean environment (scripts/vscode-e2e/cleanNpm.mjs): nothing of
// a parent npm (`npm test`, `npm start`) reaches it, nor user settings that change a build, while the
// way to the registry is kept. The regression behind it: under `npm test` the outer npm's user agent
// ("node/v20…") reached `npm install code-server`, whose postinstall then refused to build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cleanNpmEnv, connectionLines } from '../../../scripts/vscode-e2e/npmEnv.mjs';
import { repoRoot } from '../../support/repoRoot';

const HELPER = join(repoRoot(), 'scripts', 'vscode-e2e', 'cleanNpm.mjs');
/** A Node that is not the one running: what a parent npm's user agent names in the bug. */
const FOREIGN_AGENT = 'npm/11.19.1 node/v18.0.0 linux x64 workspaces/false';

/** What `npm run …` exports to its script (the variables npm 11 sets, with values of another Node). */
function parentNpmEnv(home: string, project: string): Record<string, string> {
  return {
    npm_config_user_agent: FOREIGN_AGENT,
    npm_config_nodedir: '/parent/nodedir',
    npm_config_ignore_scripts: 'true',
    npm_config_local_prefix: project,
    npm_config_userconfig: join(home, '.npmrc'),
    npm_config_globalconfig: '/parent/etc/npmrc',
    npm_config_node_gyp: '/parent/node-gyp.js',
    npm_config_npm_version: '11.19.1',
    npm_config_cache: join(home, '.npm'),
    npm_config_registry: 'http://127.0.0.1:9/from-env/',
    'npm_config_@rnnlab:registry': 'http://127.0.0.1:9/scoped/',
    npm_config_https_proxy: 'http://127.0.0.1:9/proxy/',
    npm_package_name: 'rnn-lab',
    npm_package_json: join(project, 'package.json'),
    npm_lifecycle_event: 'test',
    npm_lifecycle_script: 'bash scripts/test-all.sh',
    npm_execpath: '/parent/npm-cli.js',
    npm_node_execpath: '/parent/node',
    npm_command: 'run',
    INIT_CWD: project,
    NODE: '/parent/node',
    COLOR: '0',
    HOME: home,
    PATH: [join(project, 'node_modules', '.bin'), '/parent/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', process.env.PATH ?? ''].join(delimiter),
  };
}

const scratch = mkdtempSync(join(tmpdir(), 'rnn-lab-cleannpm-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('the nested npm environment', () => {
  test('keeps nothing of a parent npm but the way to the registry', () => {
    const env = cleanNpmEnv(parentNpmEnv('/home/student', '/home/student/project'), { userconfig: '/tmp/filtered-npmrc' });
    const npmVariables = Object.keys(env).filter((n) => /^npm_/i.test(n)).sort();
    assert.deepEqual(npmVariables, [
      'npm_config_@rnnlab:registry', 'npm_config_cache', 'npm_config_https_proxy', 'npm_config_registry', 'npm_config_userconfig',
    ]);
    assert.equal(env.npm_config_userconfig, '/tmp/filtered-npmrc');
    assert.equal(env.npm_config_registry, 'http://127.0.0.1:9/from-env/');
    for (const name of ['INIT_CWD', 'NODE', 'COLOR']) assert.equal(env[name], undefined, name);
    assert.equal(env.HOME, '/home/student');
    assert.ok(!env.PATH.split(delimiter).some((d) => d.includes('node_modules') || d.includes('node-gyp-bin')), env.PATH);
  });

  test('with --node-dir, that Node comes first on PATH and gives the headers', () => {
    const env = cleanNpmEnv(parentNpmEnv('/home/student', '/home/student/project'), { nodeDir: '/cache/node24' });
    assert.equal(env.PATH.split(delimiter)[0], join('/cache/node24', 'bin'));
    assert.equal(env.npm_config_nodedir, '/cache/node24');
  });

  test("keeps only the user's npmrc lines about reaching the registry", () => {
    const npmrc = [
      '; a comment', 'registry=https://mirror.example/npm/', '@rnnlab:registry = https://scoped.example/',
      '//mirror.example/npm/:_authToken=${NPM_TOKEN}', 'cafile=/etc/ssl/corp.pem', 'https-proxy=http://proxy:3128',
      'strict-ssl=false', 'nodedir=/usr', 'ignore-scripts=true', 'python=/usr/bin/python2', 'omit=optional', 'target=18.0.0',
    ].join('\n');
    assert.deepEqual(connectionLines(npmrc), [
      'registry=https://mirror.example/npm/', '@rnnlab:registry = https://scoped.example/',
      '//mirror.example/npm/:_authToken=${NPM_TOKEN}', 'cafile=/etc/ssl/corp.pem', 'https-proxy=http://proxy:3128', 'strict-ssl=false',
    ]);
  });
});

describe('a real nested npm started through the helper under a parent npm', () => {
  test('runs install scripts on its own Node, with its own user agent and no parent or user build settings', () => {
    const home = join(scratch, 'home');
    const project = join(scratch, 'project');
    const stub = join(scratch, 'stub');
    const seen = join(scratch, 'seen.json');
    for (const d of [home, project, stub]) mkdirSync(d, { recursive: true });
    // The user's own npmrc: its registry must still apply, its build settings must not.
    writeFileSync(join(home, '.npmrc'), 'registry=http://127.0.0.1:9/from-user/\nignore-scripts=true\nnodedir=/user/nodedir\n');
    writeFileSync(join(project, 'package.json'), '{"name":"nested","private":true}\n');
    // The stub's install script records what a package's postinstall (code-server's) sees.
    const record = `require("fs").writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ version: process.version, agent: process.env.npm_config_user_agent, nodedir: process.env.npm_config_nodedir ?? null, registry: process.env.npm_config_registry ?? null }))`;
    writeFileSync(join(stub, 'package.json'), JSON.stringify({ name: 'stub', version: '1.0.0', scripts: { install: `node -e '${record}'` } }));
    const env = { ...process.env, ...parentNpmEnv(home, project) };
    delete env.npm_config_registry; // the registry comes from the user's npmrc in this run
    const r = spawnSync(process.execPath, [HELPER, '--cwd', project, '--', 'npm', 'install', '--offline', '--no-audit', '--no-fund', '--install-links', stub], {
      env, encoding: 'utf8', timeout: 60_000,
    });
    assert.equal(r.status, 0, `npm install failed:\n${r.stdout}\n${r.stderr}`);
    assert.ok(existsSync(seen), "the stub's install script did not run (ignore-scripts reached the nested npm)");
    const child = JSON.parse(readFileSync(seen, 'utf8')) as { version: string; agent: string; nodedir: string | null; registry: string | null };
    assert.doesNotMatch(child.agent, /node\/v18\.0\.0/, "the parent npm's user agent reached the nested npm");
    assert.match(child.agent, new RegExp(`node/${child.version.replace(/\./g, '\\.')}\\b`), 'the user agent names the Node that runs the install');
    assert.equal(child.nodedir, null, 'a nodedir from the parent npm or the user reached the build');
    assert.equal(child.registry, 'http://127.0.0.1:9/from-user/', "the user's registry did not reach the nested npm");
  });
});

describe('the installer', () => {
  test('starts every nested npm through the clean-environment helper', () => {
    const script = readFileSync(join(repoRoot(), 'scripts', 'vscode-e2e', 'install.sh'), 'utf8');
    const calls = script.split('\n').filter((l) => /\bnpm (install|ci|i)\b/.test(l) && !/^\s*#/.test(l) && !/^\s*log /.test(l));
    assert.ok(calls.length >= 3, `expected the three nested installs, found:\n${calls.join('\n')}`);
    for (const line of calls) assert.match(line, /\bclean_npm\b.* -- npm (install|ci)\b/, `a nested npm without the helper: ${line.trim()}`);
  });
});
