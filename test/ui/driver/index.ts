// The UI-test driver: what test/ui/*.test.ts files import. See each module for details.
export { session, type UiSession } from './session';
export { workbenchReady, reloadWorkbench, rnnLabActivityItem } from './workbench';
export { runCommand, answerQuickInput, openFile, openPalette } from './palette';
export { sideBar, openRnnLabSidebar, treeRows, treeRowTexts, revealRow, expandRow } from './sidebar';
export { webviewFrame } from './webview';
export { notificationTexts, waitForNotification, clearNotifications } from './notifications';
export { screenshot } from './screenshot';
