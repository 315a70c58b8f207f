// The panels' message log stays small for a whole session: a bounded number of panels and of messages
// per panel, and an exported PNG is logged by size, never kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_MESSAGES, MAX_PANELS, PanelLog, logPosted, logReceived } from '../../../src/extension/plots/panelLog';

test('an export is logged with its size, without its data', () => {
  const log = new PanelLog();
  const record = log.open('rnnLab.gradientPlot', 'Gradient plot');
  const png = `data:image/png;base64,${'A'.repeat(300_000)}`;
  logReceived(record, { type: 'export', format: 'png', suggestedName: 'plot.png', data: png });
  const [logged] = log.snapshot()[0].received;
  assert.deepEqual(logged, { type: 'export', format: 'png', suggestedName: 'plot.png', dataLength: png.length });
  assert.ok(JSON.stringify(log.snapshot()).length < 1000);
});

test('each panel keeps only its latest messages, with exact counts', () => {
  const log = new PanelLog();
  const record = log.open('rnnLab.demo', 'Demo');
  const total = MAX_MESSAGES * 3 + 7;
  for (let i = 0; i < total; i++) {
    logReceived(record, { type: 'rendered', view: 'gradientPlot', series: 1, points: i, elapsedMs: 1 });
    logPosted(record, 'showPlot');
  }
  const [snap] = log.snapshot();
  assert.equal(snap.received.length, MAX_MESSAGES);
  assert.equal(snap.posted.length, MAX_MESSAGES);
  assert.deepEqual(snap.counts, { posted: total, received: total });
  const last = snap.received[snap.received.length - 1];
  assert.equal(last.type === 'rendered' && last.points, total - 1, 'the newest message is kept');
});

test('the log keeps only the latest panels', () => {
  const log = new PanelLog();
  for (let i = 0; i < MAX_PANELS + 5; i++) log.open('rnnLab.demo', `Demo ${i}`);
  const titles = log.snapshot().map((r) => r.title);
  assert.equal(titles.length, MAX_PANELS);
  assert.equal(titles[titles.length - 1], `Demo ${MAX_PANELS + 4}`);
});
