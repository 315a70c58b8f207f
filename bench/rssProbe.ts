// Preloaded into the `rnn-lab` process the checker bench spawns (node -r): on exit, writes the
// process's peak resident set size (worker threads included: they share the process) to the file
// named by RNN_LAB_BENCH_RSS_FILE, so the bench needs no platform tool such as /usr/bin/time.
import { writeFileSync } from 'node:fs';

const target = process.env.RNN_LAB_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    // maxRSS is in kilobytes.
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
