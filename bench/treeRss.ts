import { readdirSync, readFileSync } from 'node:fs';

/**
 * Peak resident memory of a process and all its descendants, and the CPU time they used, (the checker's child processes do not
 * share the parent's RSS), sampled from /proc (the last sample before the end: up to `everyMs` of CPU time is missed). Linux
 * only: elsewhere both are null.
 */
export function watchTreeRss(rootPid: number, everyMs = 100): { stop(): { peakMb: number | null; cpuSeconds: number | null } } {
  if (process.platform !== 'linux') return { stop: () => ({ peakMb: null, cpuSeconds: null }) };
  let peakKb = 0;
  let cpuTicks = 0;
  const sample = (): void => {
    try {
      // utime, stime, cutime, cstime (fields 14–17): the root's CPU time and that of its ended children.
      const fields = readFileSync(`/proc/${rootPid}/stat`, 'ascii').replace(/^.*\) /, '').split(' ');
      cpuTicks = fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0);
    } catch { /* ended */ }
    const parent = new Map<number, number>();
    const rss = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const status = readFileSync(`/proc/${name}/status`, 'ascii');
        parent.set(Number(name), Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0));
        rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch { /* the process ended meanwhile */ }
    }
    const inTree = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) if (p === rootPid) return true;
      return false;
    };
    let kb = 0;
    for (const [pid, k] of rss) if (inTree(pid)) kb += k;
    peakKb = Math.max(peakKb, kb);
  };
  const timer = setInterval(sample, everyMs);
  // Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every common architecture.
  return { stop: () => { clearInterval(timer); return { peakMb: peakKb / 1024, cpuSeconds: cpuTicks / 100 }; } };
}
