#!/usr/bin/env node
// Runs one nested npm of the installer (Node 24, code-server, playwright-core into the cache folder)
// in a clean environment, however the installer was started: `npm test`, `npm start`, `npm run …`,
// a plain shell or CI.
//
// Why: under npm, a script inherits the outer npm's whole configuration as npm_config_* variables,
// plus npm_package_*, npm_lifecycle_*, INIT_CWD, NODE, and node_modules/.bin folders on PATH. The
// outer user agent names the outer Node ("node/v20…"); code-server's postinstall reads the Node
// major from it and refuses to build ("requires node v24"). User settings in ~/.npmrc can change
// the build the same way (nodedir, ignore-scripts, python, omit…).
//
// What the nested npm keeps is what reaches the registry the way the user's npm does: the registry
// (and scoped registries), proxies, certificates, auth and fetch settings, the cache folder, from
// the environment and from the user's npmrc (a filtered copy, mode 0600, removed afterwards). The
// global npmrc of the Node installation is the administrator's and stays. Compiler variables
// (CC, CXX, PYTHON…) stay too: they describe the machine, not a parent npm.
//
//   node scripts/vscode-e2e/cleanNpm.mjs [--node-dir DIR] [--cwd DIR] -- npm install …
//
// --node-dir DIR puts DIR/bin first on PATH (so `npm` runs on that Node and its user agent names it)
// and builds native modules against DIR's headers (npm_config_nodedir).
import { resolve } from 'node:path';
import { runCleanNpm } from './npmEnv.mjs';

function main(argv) {
  const usage = 'usage: node cleanNpm.mjs [--node-dir DIR] [--cwd DIR] -- npm …';
  const split = argv.indexOf('--');
  if (split < 0 || split === argv.length - 1) {
    console.error(usage);
    return 2;
  }
  const options = {};
  const flags = argv.slice(0, split);
  for (let i = 0; i < flags.length; i += 2) {
    if (flags[i] === '--node-dir' && flags[i + 1]) options.nodeDir = resolve(flags[i + 1]);
    else if (flags[i] === '--cwd' && flags[i + 1]) options.cwd = resolve(flags[i + 1]);
    else {
      console.error(`${usage}\nunknown option: ${flags[i]}`);
      return 2;
    }
  }
  return runCleanNpm(argv.slice(split + 1), options);
}

process.exitCode = main(process.argv.slice(2));
