// The extension as a whole, inside a real VS Code: it activates cleanly, contributes every palette
// command and shows its activity-bar container with the lesson view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'rnn-lab-edu.rnn-lab';

/** Every command the palette offers under the "RNN Lab" category. */
const PALETTE_COMMANDS = [
  'rnnLab.openLesson', 'rnnLab.scaffoldLab', 'rnnLab.checkLab', 'rnnLab.showGradientPlot',
  'rnnLab.runDemo', 'rnnLab.conceptCheck', 'rnnLab.startClassTimer', 'rnnLab.stopClassTimer',
];

function ourExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this VS Code`);
  return ext;
}

suite('RNN Lab activation', () => {
  test('the extension activates without error, and the time is recorded', async () => {
    const ext = ourExtension();
    const wasActive = ext.isActive;
    const t0 = performance.now();
    await ext.activate();
    const ms = performance.now() - t0;
    assert.equal(ext.isActive, true);
    // Printed for people (and CI logs): a slow activate shows up here first.
    console.log(`      activation: ${ms.toFixed(0)} ms${wasActive ? ' (was already active)' : ''} in VS Code ${vscode.version}`);
  });

  test('every palette command is registered, with the RNN Lab category in the manifest', async () => {
    await ourExtension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = PALETTE_COMMANDS.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `commands contributed but not registered: ${missing.join(', ')}`);

    const contributed = (ourExtension().packageJSON as { contributes: { commands: { command: string; category?: string }[] } })
      .contributes.commands;
    for (const id of PALETTE_COMMANDS) {
      const entry = contributed.find((c) => c.command === id);
      assert.ok(entry, `${id} is not in package.json contributes.commands`);
      assert.equal(entry.category, 'RNN Lab', `${id} should be in the "RNN Lab" category`);
    }
  });

  test('the RNN Lab container opens and its lesson view can take focus', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    // VS Code creates these commands only for a contributed container and view.
    assert.ok(commands.has('workbench.view.extension.rnnLab'), 'activity-bar container rnnLab is missing');
    assert.ok(commands.has('rnnLab.lesson.focus'), 'view rnnLab.lesson is missing');
    await vscode.commands.executeCommand('workbench.view.extension.rnnLab');
    await vscode.commands.executeCommand('rnnLab.lesson.focus');

    const views = (ourExtension().packageJSON as { contributes: { views: Record<string, { id: string }[]> } }).contributes.views;
    assert.ok(views.rnnLab?.some((v) => v.id === 'rnnLab.lesson'), 'package.json does not put view rnnLab.lesson in container rnnLab');
  });
});
