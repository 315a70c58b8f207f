// A user's first look: the RNN Lab icon sits in the activity bar of a VS Code that installed the
// packaged .vsix, and clicking it (or running "RNN Lab: Open Lesson") shows the RNN Lab side bar.
import * as assert from 'node:assert/strict';
import {
  openRnnLabSidebar, rnnLabActivityItem, runCommand, screenshot, session, sideBar, treeRows, workbenchReady,
} from './driver';

suite('RNN Lab in the activity bar', () => {
  suiteSetup(async () => {
    await workbenchReady();
  });

  test('the RNN Lab icon is in the activity bar and opens the sidebar', async () => {
    const item = rnnLabActivityItem();
    assert.equal(await item.isVisible(), true, 'the RNN Lab activity-bar entry is not visible');
    // The icon is our SVG, drawn as a CSS mask on the entry.
    const icon = await item.evaluate((el) => {
      const style = getComputedStyle(el);
      return style.maskImage || style.webkitMaskImage || '';
    });
    assert.match(icon, /rnn-lab\.svg/, `the activity-bar entry does not show media/rnn-lab.svg (mask: ${icon})`);

    const bar = await openRnnLabSidebar();
    // With one view in the container, VS Code titles the side bar "RNN Lab: Lesson" (no pane header).
    const title = await bar.locator('.composite.title').innerText();
    const lessonHeaders = await bar.locator('.pane-header', { hasText: /Lesson/i }).count();
    assert.match(title, /RNN Lab/i);
    assert.ok(/Lesson/i.test(title) || lessonHeaders > 0, `the side bar shows no Lesson view (title: ${title})`);
    // Opening the view activates the extension, which then registers the lesson tree: wait for its rows.
    await treeRows().first().waitFor({ timeout: 20_000 });
    const empty = await bar.getByText('There is no data provider registered').count();
    assert.equal(empty, 0, 'the Lesson view says no data provider is registered');
    // Move the pointer off the activity bar so no tooltip covers the picture.
    await session().page.mouse.move(800, 450);
    await screenshot('activity-bar-rnn-lab-sidebar');
  });

  test('"RNN Lab: Open Lesson" from the command palette reveals the RNN Lab sidebar', async () => {
    const { page } = session();
    // Show another container first, so the command has something to change.
    await page.locator('.activitybar .action-item a[aria-label^="Explorer"]').first().click();
    await sideBar().locator('.composite.title', { hasText: /Explorer/i }).waitFor({ timeout: 10_000 });
    await runCommand('RNN Lab: Open Lesson');
    await sideBar().locator('.composite.title', { hasText: 'RNN Lab' }).waitFor({ timeout: 10_000 });
    await screenshot('palette-open-lesson');
  });
});
