// The clean environment of the installer's nested npm (cleanNpm.mjs runs it; the unit tests check it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

/** npm config keys that say how to reach the registry (or how chatty npm is), never what to build. */
const CONNECTION_KEYS = new Set([
  'registry', 'proxy', 'https-proxy', 'http-proxy', 'noproxy', 'ca', 'cafile', 'cert', 'key',
  'strict-ssl', 'local-address', 'maxsockets', 'always-auth', '_auth', '_authtoken', 'username',
  '_password', 'email', 'replace-registry-host', 'fetch-retries', 'fetch-retry-factor',
  'fetch-retry-mintimeout', 'fetch-retry-maxtimeout', 'fetch-timeout', 'cache', 'offline',
  'prefer-offline', 'prefer-online',
  // Output only: what the user asked npm to say or not say.
  'update-notifier', 'fund', 'audit', 'progress', 'color', 'unicode',
]);

/** Environment variables a parent npm sets for its scripts (besides npm_*), or that change how Node runs. */
const PARENT_VARIABLES = new Set(['INIT_CWD', 'NODE', 'COLOR', 'NODE_OPTIONS', 'NODE_PATH', 'NODE_ENV']);

/** True for an npm config key (as npm spells it, `https-proxy`, or as an npmrc line has it) about reaching the registry. */
export function isConnectionKey(key) {
  const k = key.trim().replace(/\[\]$/, '').toLowerCase();
  return CONNECTION_KEYS.has(k) || /^@[^:]+:registry$/.test(k) || k.startsWith('//');
}

/** The config key of an npm_config_* variable, the way npm reads it (`npm_config_https_proxy` → `https-proxy`). */
function configKeyOf(variable) {
  return variable.slice('npm_config_'.length).replace(/(?!^)_/g, '-');
}

/** PATH without the folders a parent npm prepends (node_modules/.bin of the project and its parents, npm's node-gyp-bin). */
export function cleanPath(path) {
  return (path ?? '').split(delimiter)
    .filter((dir) => dir !== '' && !/[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir) && !/[\\/]node-gyp-bin[\\/]?$/.test(dir))
    .join(delimiter);
}

/**
 * The environment for a nested npm: `env` without anything a parent npm put there (except how it
 * reaches the registry), with `userconfig` as the user config file and, when `nodeDir` is given,
 * that Node first on PATH and as the headers for native modules.
 */
export function cleanNpmEnv(env, { userconfig, nodeDir } = {}) {
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || PARENT_VARIABLES.has(name.toUpperCase())) continue;
    if (/^npm_/i.test(name)) {
      if (/^npm_config_/i.test(name) && isConnectionKey(configKeyOf(name))) out[name] = value;
      continue;
    }
    out[name] = value;
  }
  const pathName = Object.keys(env).find((n) => n.toUpperCase() === 'PATH') ?? 'PATH';
  out[pathName] = cleanPath(env[pathName]);
  if (nodeDir) {
    out[pathName] = [join(nodeDir, 'bin'), out[pathName]].filter(Boolean).join(delimiter);
    out.npm_config_nodedir = nodeDir;
  }
  if (userconfig) out.npm_config_userconfig = userconfig;
  return out;
}

/** The lines of an npmrc that say how to reach the registry (comments and everything else dropped). */
export function connectionLines(npmrc) {
  return npmrc.split(/\r?\n/).filter((line) => {
    const m = /^\s*([^=;#\s][^=]*?)\s*=/.exec(line);
    return m !== null && isConnectionKey(m[1]);
  });
}

/** The user's npmrc, as the user's own npm finds it (npm_config_userconfig, else ~/.npmrc). */
function userNpmrcPath(env) {
  const named = Object.entries(env).find(([n]) => n.toLowerCase() === 'npm_config_userconfig')?.[1];
  return named ? resolve(named) : join(homedir(), '.npmrc');
}

function readOrEmpty(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Runs `command` (npm …) in `cwd` with the clean environment; returns its exit status.
 * The filtered user config lives in a private temp folder for the duration of the run.
 */
export function runCleanNpm(command, { cwd = process.cwd(), nodeDir, env = process.env } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rnnlab-npmrc-'));
  try {
    const userconfig = join(dir, 'npmrc');
    const lines = connectionLines(readOrEmpty(userNpmrcPath(env)));
    writeFileSync(userconfig, lines.length ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
    const child = spawnSync(command[0], command.slice(1), {
      cwd, stdio: 'inherit', env: cleanNpmEnv(env, { userconfig, nodeDir }),
    });
    if (child.error) {
      console.error(`could not run ${command[0]}: ${child.error.message}`);
      return 127;
    }
    return child.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
