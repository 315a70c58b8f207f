import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { LAB_TASK_IDS } from '../../../src/lesson/labTasks';
import { repoRoot } from '../../support/repoRoot';

/**
 * The CLI as a GitHub Classroom workflow installs it: `npm pack` of the built repository, installed
 * from the tarball into a clean folder with the registry out of reach, then the workflow's own steps
 * run in order in a fresh clone of a scaffolded lab. The `uses:` steps are GitHub's (checkout is the
 * clone, setup-node is this Node, education/autograding runs autograding.json, which is run here).
 */
const scratch = mkdtempSync(join(tmpdir(), 'rnn-lab-pack-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
/** No registry: an install that needs one fails instead of quietly downloading. */
const OFFLINE = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = OFFLINE): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The `run:` scripts of a workflow's steps, in order (single-line or `|` blocks), with their names. */
function runSteps(yaml: string): { name: string; script: string }[] {
  const steps: { name: string; script: string }[] = [];
  const lines = yaml.split('\n');
  let name = '';
  for (let i = 0; i < lines.length; i++) {
    const named = /^\s*- name: (.*)$/.exec(lines[i]);
    if (named) name = named[1];
    const run = /^(\s*)run: (.*)$/.exec(lines[i]);
    if (!run) continue;
    if (run[2] !== '|') { steps.push({ name, script: run[2] }); continue; }
    const block: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1].startsWith(`${run[1]}  `) || lines[i + 1].trim() === '')) block.push(lines[++i].slice(run[1].length + 2));
    steps.push({ name, script: block.join('\n').trim() });
  }
  return steps;
}

interface AutogradingTest { name: string; setup: string; run: string; points: number }

describe('npm pack, and a GitHub Classroom lab checked by its own workflow', () => {
  let tarball = '';

  test('npm pack ships the CLI with its worker, compiler and templates, and no runtime dependencies', () => {
    const out = execFileSync('npm', ['pack', '--pack-destination', scratch, '--json'], { cwd: repoRoot(), encoding: 'utf8', env: OFFLINE });
    const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    tarball = join(scratch, packed.filename);
    const files = packed.files.map((f) => f.path);
    for (const needed of ['dist/cli.js', 'dist/checker-worker.js', 'dist/checker-compiler.js', 'media/lab-template/rnn.ts', 'media/classroom-template/.github/workflows/rnn-lab.yml']) {
      assert.ok(files.includes(needed), `${needed} is not in the tarball`);
    }
    assert.equal(files.filter((f) => f.endsWith('.map')).length, 0, 'no source maps');
    const manifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { dependencies?: object };
    assert.equal(manifest.dependencies, undefined, 'everything the CLI runs is bundled');
  });

  test('installs from the tarball into a clean folder with no registry, and runs', () => {
    const clean = join(scratch, 'clean');
    mkdirSync(clean);
    assert.equal(sh(`npm install --no-save ${JSON.stringify(tarball)}`, clean).status, 0);
    const help = sh('npx --no-install rnn-lab --help', clean);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /grade +grade every lab in <submissionsDir>/);
    const npx = sh(`npx --yes --package ${JSON.stringify(tarball)} rnn-lab check missing-lab`, clean);
    assert.equal(npx.status, 2, 'npx straight from the tarball runs the CLI (and a missing lab exits 2)');
    assert.match(npx.stderr, /missing-lab does not exist/);
  });

  test("a scaffolded classroom lab, cloned fresh, passes its workflow's steps in order", () => {
    const lab = join(scratch, 'template');
    const scaffold = sh(`npx --no-install rnn-lab scaffold ${JSON.stringify(lab)} --classroom`, join(scratch, 'clean'));
    assert.equal(scaffold.status, 0, scaffold.stderr);
    assert.deepEqual(readdirSync(join(lab, '.github')).sort(), ['classroom', 'workflows']);
    copyFileSync(tarball, join(lab, '.github', 'rnn-lab.tgz'));
    const git = 'git -c user.name=Instructor -c user.email=instructor@example.invalid -c init.defaultBranch=main';
    assert.equal(sh(`${git} init -q && ${git} add -A && ${git} commit -qm template`, lab).status, 0);
    const clone = join(scratch, 'student');
    assert.equal(sh(`git clone -q ${JSON.stringify(lab)} ${JSON.stringify(clone)}`, scratch).status, 0);

    const workflow = readFileSync(join(clone, '.github', 'workflows', 'rnn-lab.yml'), 'utf8');
    const steps = runSteps(workflow);
    assert.deepEqual(steps.map((s) => s.name), ['Install the rnn-lab CLI', 'Check the lab']);
    const pkg = /RNN_LAB_PACKAGE: (\S+)/.exec(workflow)?.[1] ?? '';
    for (const step of steps) {
      const r = sh(step.script, clone, { ...OFFLINE, RNN_LAB_PACKAGE: pkg });
      assert.equal(r.status, 0, `${step.name}: ${r.stderr}`);
    }
    const report = JSON.parse(readFileSync(join(clone, 'rnn-lab-report.json'), 'utf8')) as { tasks: { id: string; status: string }[] };
    assert.deepEqual(report.tasks.map((t) => `${t.id}:${t.status}`), LAB_TASK_IDS.map((id) => `${id}:todo`), 'the untouched scaffold is all todo');

    // education/autograding's part: every test's setup, then its run; a test scores when it exits 0.
    const { tests } = JSON.parse(readFileSync(join(clone, '.github', 'classroom', 'autograding.json'), 'utf8')) as { tests: AutogradingTest[] };
    assert.deepEqual(tests.map((t) => t.name), [...LAB_TASK_IDS]);
    const score = (): number => tests.reduce((sum, t) => {
      if (t.setup) assert.equal(sh(t.setup, clone).status, 0);
      return sum + (sh(t.run, clone).status === 0 ? t.points : 0);
    }, 0);
    assert.equal(score(), 0);
    copyFileSync(join(repoRoot(), 'test', 'fixtures', 'labs', 'correct-loops', 'rnn.ts'), join(clone, 'rnn.ts'));
    const total = tests.reduce((sum, t) => sum + t.points, 0);
    assert.equal(score(), total);
    // The instructor notes state the points; they must be the file's.
    const notes = readFileSync(join(clone, '.github', 'classroom', 'INSTRUCTOR.md'), 'utf8');
    assert.match(notes, new RegExp(`${total} points in all \\(${tests.map((t) => `${t.name} ${t.points}`).join(',\\s+')}\\)`));
  });
});
