import * as vscode from 'vscode';
import { LAB_ENTRY } from '../checker/labApi';

/**
 * The lab entry files (`rnn.ts`) in the workspace, at most `max`, never inside node_modules. The
 * one workspace search that the sidebar, the checker and the plot all use to find labs.
 */
export function findLabEntries(max: number): Thenable<vscode.Uri[]> {
  return vscode.workspace.findFiles(`**/${LAB_ENTRY}`, '**/node_modules/**', max);
}
