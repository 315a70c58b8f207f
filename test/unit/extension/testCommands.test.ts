// The built extension (dist/extension.js, what the .vsix ships) registers the test-only
// `rnnLab.internal.*` commands only when VS Code runs RNN Lab's tests: activated as a normally
// installed extension (extension mode Production or Development), it registers none. VS Code is
// stood in for by a recorder: every API call succeeds and returns another stand-in, and
// registerCommand records the command id.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../support/repoRoot';

const EXTENSION = join(repoRoot(), 'dist', 'extension.js');
const ExtensionMode = { Production: 1, Development: 2, Test: 3 } as const;

/** A value that accepts any use: call it, construct it, read or set any property, iterate it (empty), `.then` it (never settles). */
function anything(): unknown {
  const target = function standIn() { /* stands in for any VS Code API */ };
  const proxy: unknown = new Proxy(target, {
    get: (_t, key) => {
      if (key === Symbol.iterator) return function* empty() { /* nothing */ };
      if (key === Symbol.toPrimitive) return () => '';
      return proxy;
    },
    set: () => true,
    defineProperty: () => true,
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

/** Every `vscode.X` the extension's sources use (the bundle copies the module's own keys, so they must exist). */
function apiNames(): string[] {
  const dir = join(repoRoot(), 'src', 'extension');
  const names = new Set<string>();
  for (const f of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bvscode\.(\w+)/g)) names.add(m[1]);
  }
  return [...names];
}

/** Activates a fresh load of the built extension in `mode`; returns the ids of the commands it registered. */
function commandsRegisteredIn(mode: number): string[] {
  const registered: string[] = [];
  const vscode = new Proxy({
    ExtensionMode,
    commands: new Proxy({ registerCommand: (id: string) => { registered.push(id); return { dispose() { /* nothing */ } }; } }, {
      get: (t, key) => (key in t ? t[key as 'registerCommand'] : anything()),
    }),
  } as Record<string, unknown>, {
    get: (t, key) => (typeof key === 'string' && key in t ? t[key] : anything()),
    ownKeys: (t) => [...new Set([...Object.keys(t), ...apiNames()])],
    getOwnPropertyDescriptor: (t, key) => ({ configurable: true, enumerable: true, writable: true, value: typeof key === 'string' && key in t ? t[key] : anything() }),
  });
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? vscode : original(request, ...rest));
  try {
    const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
    delete cache[EXTENSION];
    const extension = original(EXTENSION) as { activate: (context: unknown) => void };
    const context = new Proxy({ extensionMode: mode, subscriptions: [] as unknown[], extensionPath: repoRoot() }, {
      get: (t, key) => (typeof key === 'string' && key in t ? t[key as keyof typeof t] : anything()),
    });
    extension.activate(context);
  } finally {
    loader._load = original;
  }
  return registered;
}

test('a normally installed RNN Lab registers no rnnLab.internal.* command', () => {
  for (const mode of [ExtensionMode.Production, ExtensionMode.Development]) {
    const ids = commandsRegisteredIn(mode);
    assert.ok(ids.includes('rnnLab.checkLab') && ids.includes('rnnLab.lesson.openItem'), `the recorder saw the product's commands: ${ids.join(', ')}`);
    assert.deepEqual(ids.filter((id) => id.startsWith('rnnLab.internal.')), [], `mode ${mode}`);
  }
});

test("RNN Lab's tests (extension mode Test) get the internal commands", () => {
  const internal = commandsRegisteredIn(ExtensionMode.Test).filter((id) => id.startsWith('rnnLab.internal.'));
  assert.ok(internal.includes('rnnLab.internal.labState') && internal.includes('rnnLab.internal.setClock') && internal.includes('rnnLab.internal.plotsLog'), internal.join(', '));
});
