import * as vscode from 'vscode';
import { COURSE_LINKS, parseLinkSetting, type CourseLinkId, type LinkValue } from '../../lesson';

/** The instructor's link settings (`rnnLab.links.*`), read fresh each time. */
export function readLink(id: CourseLinkId): LinkValue {
  return parseLinkSetting(vscode.workspace.getConfiguration('rnnLab.links').get<unknown>(id));
}

/** Warns, naming the setting and what to do, about every link setting that is not a usable address. */
export function warnAboutInvalidLinks(only?: vscode.ConfigurationChangeEvent): void {
  for (const link of COURSE_LINKS) {
    if (only && !only.affectsConfiguration(link.setting)) continue;
    const value = readLink(link.id);
    if (value.kind !== 'invalid') continue;
    void vscode.window.showWarningMessage(
      `RNN Lab: the setting ${link.setting} ("${value.raw}") is not a usable link: ${value.problem}. `
      + 'Enter a full address starting with https://, or leave it empty to show "not set".',
      'Open Settings',
    ).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', link.setting);
    });
  }
}
