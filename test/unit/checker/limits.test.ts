import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS } from '../../../src/checker';
import { repoRoot } from './support';

test("package.json's rnnLab.check.timeoutMs has the checker's default and minimum", () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default: unknown; minimum: unknown }> } };
  };
  const setting = pkg.contributes.configuration.properties['rnnLab.check.timeoutMs'];
  assert.equal(setting.default, DEFAULT_TIMEOUT_MS);
  assert.equal(setting.minimum, MIN_TIMEOUT_MS);
});
