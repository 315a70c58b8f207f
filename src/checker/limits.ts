/**
 * Every limit and budget the checker puts on a lab, in one place. The user's setting
 * `rnnLab.check.timeoutMs` (package.json, whose default a unit test holds equal to
 * DEFAULT_TIMEOUT_MS) and `--timeout-ms` override the task budget.
 */

/** Wall-clock budget per task (and for loading the lab). */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** The smallest task budget a setting may ask for. */
export const MIN_TIMEOUT_MS = 100;
/**
 * The worker's heap limit (its resident memory may reach twice that). The lab's problems are small:
 * the limit is generous for any correct lab and low enough that a lab that allocates without end
 * is told it ran out of memory within a short budget, instead of running into the time limit.
 */
export const DEFAULT_MEMORY_LIMIT_MB = 128;
