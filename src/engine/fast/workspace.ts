/**
 * Scratch buffers that the fast BPTT reuses from one step to the next and from one call to the
 * next (a training loop or a benchmark calls it thousands of times with the same shapes; fresh
 * multi-megabyte arrays each time would cost more than some of the arithmetic). Buffers only grow.
 * Contents are NOT cleared between calls: the kernels write every entry before they read it.
 */
export class BpttWorkspace {
  private readonly buffers = new Map<string, Float64Array>();

  /** A buffer of exactly n numbers (a view of a possibly larger one kept under `name`). */
  take(name: string, n: number): Float64Array {
    let buf = this.buffers.get(name);
    if (buf === undefined || buf.length < n) {
      buf = new Float64Array(n);
      this.buffers.set(name, buf);
    }
    return buf.length === n ? buf : buf.subarray(0, n);
  }

  /** How many numbers the workspace holds in total (for tests and the curious). */
  get size(): number {
    let s = 0;
    for (const b of this.buffers.values()) s += b.length;
    return s;
  }
}
