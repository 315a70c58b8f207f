import * as vscode from 'vscode';

/** The id prefix of the commands only RNN Lab's tests call (read state, freeze the clock, wipe answers). */
export const TEST_COMMAND_PREFIX = 'rnnLab.internal.';

/**
 * Registers the test-only commands, only when VS Code runs RNN Lab's own tests (extension mode
 * Test: the integration tier loads the suite into the extension host). A normally installed .vsix
 * has none of them, so no other extension can freeze the class timer or wipe a student's answers.
 * The UI tier installs the .vsix as a student would and drives VS Code from outside, so it sees the
 * product as shipped, without them too.
 */
export function registerTestCommands(context: vscode.ExtensionContext, handlers: Record<string, (arg: never) => unknown>): void {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return;
  for (const [id, handler] of Object.entries(handlers)) {
    if (!id.startsWith(TEST_COMMAND_PREFIX)) throw new Error(`test-only command ${id} must start with ${TEST_COMMAND_PREFIX}`);
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
