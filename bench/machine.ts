import { cpus, loadavg } from 'node:os';

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly node: string;
  readonly platform: string;
  /** 1, 5 and 15 minute load averages. */
  readonly load: readonly number[];
}

/** What the timings depend on; the load average is read again at the end of the run. */
export function machine(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    load: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function describeMachine(m: Machine): string {
  return `${m.cores} cores (nproc), ${m.cpu}, ${m.platform}, Node ${m.node}; load average ${m.load.map((l) => l.toFixed(2)).join(' ')}`;
}
