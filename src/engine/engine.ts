import { validateBatch, validateLoss, validateTargets, type LossSpec, type SequenceBatch, type Targets } from './batch';
import { bpttBatch, bpttSequences, forwardOutputs, forwardPass, longest, scratchSize, validateSequences, type SingleSequence } from './fast/fastBptt';
import { BpttWorkspace, type KernelOptions, type KernelsInUse } from './fast/workspace';
import { sizesOf, validateParams, type RnnParams, type Sizes } from './params';
import type { BpttResult, ForwardTrace } from './result';
import { sgdStep, trainSgd, validateSgdConfig, type SgdConfig, type SgdUpdate, type TrainResult, type TrainStepRecord } from './train';

/**
 * The engine's face: what runs the RNN. Each program creates its own (the CLI, the extension host,
 * a webview, the benchmark, the tests), choosing its kernels once; nothing in the engine is
 * configured for the whole process. Two operations, the forward pass and BPTT, with options
 * instead of variants; training is BPTT plus the SGD update of train.ts.
 *
 * Every call validates its inputs unless told `validate: false` (loops that validated once: training,
 * sweeps, benchmarks). The readable BPTT (bptt.ts) is not here: it is plain functions, the maths.
 */
export interface EngineOptions extends KernelOptions {
  /**
   * The most scratch (in numbers) the engine keeps between calls; a call that needs more gets a
   * workspace of its own and lets it go (default 4 000 000 numbers, 32 MB: a long-lived program
   * should not hold on to a large run's memory). The benchmark keeps everything.
   */
  readonly retainedScratch?: number;
}

export interface ForwardOptions {
  readonly validate?: boolean;
  /** `trace` (the default): every state and output; `outputs`: only the y_t, for scoring predictions. */
  readonly keep?: 'trace' | 'outputs';
}

export interface BpttOptions {
  readonly validate?: boolean;
  /** Also return every dL/dh_t (BpttResult.hiddenGrads), e.g. for the lab's `bptt`. */
  readonly hiddenGrads?: boolean;
}

/** BPTT of many independent sequences of different lengths, each its own B = 1 problem. */
export interface EachOptions {
  readonly each: true;
  readonly validate?: boolean;
}

export interface StepOptions {
  readonly validate?: boolean;
  /** The step's 1-based number, for its record (default 1). */
  readonly step?: number;
}

export interface Engine {
  /** What this engine's matrix products run on. */
  readonly kernels: KernelsInUse;
  /** Unrolls the RNN over every sequence of the batch, with the SAME parameters at every step. */
  forward(p: RnnParams, batch: SequenceBatch, options?: ForwardOptions & { readonly keep?: 'trace' }): ForwardTrace;
  /** Only the outputs y_t (the trace's ys), without copying the states out. */
  forward(p: RnnParams, batch: SequenceBatch, options: ForwardOptions & { readonly keep: 'outputs' }): Float64Array;
  /** Full backpropagation through time for the batch-mean loss. */
  bptt(p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, options?: BpttOptions): BpttResult;
  /**
   * BPTT of each sequence on its own (each B = 1, its own length, loss and gradients): the same
   * results as one call per sequence, computed together. The loss is at the last step or at all.
   */
  bptt(p: RnnParams, sequences: readonly SingleSequence[], loss: LossSpec, options: EachOptions): BpttResult[];
  /** One SGD step on the batch, clipping by the global norm when `update.clip` is set. */
  sgdStep(
    p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, update: SgdUpdate, options?: StepOptions,
  ): { params: RnnParams; record: TrainStepRecord };
  /** SGD for `config.steps` steps on one batch; `onStep` sees each record as it is made. */
  train(
    p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, config: SgdConfig,
    onStep?: (record: TrainStepRecord, params: RnnParams) => void,
  ): TrainResult;
}

const DEFAULT_RETAINED_SCRATCH = 4_000_000;

export function createEngine(options: EngineOptions): Engine {
  return new RnnEngine(options);
}

class RnnEngine implements Engine {
  private own: BpttWorkspace | undefined;

  constructor(private readonly options: EngineOptions) {}

  get kernels(): KernelsInUse {
    return this.kept().kernels;
  }

  forward(p: RnnParams, batch: SequenceBatch, options?: ForwardOptions & { readonly keep?: 'trace' }): ForwardTrace;
  forward(p: RnnParams, batch: SequenceBatch, options: ForwardOptions & { readonly keep: 'outputs' }): Float64Array;
  forward(p: RnnParams, batch: SequenceBatch, options: ForwardOptions = {}): ForwardTrace | Float64Array {
    const sizes = options.validate === false ? sizesOf(p) : validateParams(p);
    if (options.validate !== false) validateBatch(batch, sizes.D);
    const ws = this.workspace(sizes, batch.B, batch.T);
    return options.keep === 'outputs' ? forwardOutputs(p, batch, sizes, ws) : forwardPass(p, batch, sizes, ws);
  }

  bptt(p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, options?: BpttOptions): BpttResult;
  bptt(p: RnnParams, sequences: readonly SingleSequence[], loss: LossSpec, options: EachOptions): BpttResult[];
  bptt(
    p: RnnParams, input: SequenceBatch | readonly SingleSequence[], targetsOrLoss: Targets | LossSpec,
    lossOrOptions?: LossSpec | EachOptions, maybeOptions: BpttOptions = {},
  ): BpttResult | BpttResult[] {
    if (isSequences(input)) {
      const loss = targetsOrLoss as LossSpec;
      const { validate } = lossOrOptions as EachOptions;
      const sizes = validate === false ? sizesOf(p) : validateSequences(p, input, loss);
      return bpttSequences(p, input, loss, sizes, this.workspace(sizes, input.length, longest(input)));
    }
    const targets = targetsOrLoss as Targets, loss = lossOrOptions as LossSpec;
    const sizes = maybeOptions.validate === false ? sizesOf(p) : this.validated(p, input, targets, loss);
    return bpttBatch(p, input, targets, loss, sizes, this.workspace(sizes, input.B, input.T), maybeOptions.hiddenGrads === true);
  }

  sgdStep(
    p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, update: SgdUpdate, options: StepOptions = {},
  ): { params: RnnParams; record: TrainStepRecord } {
    const sizes = options.validate === false ? sizesOf(p) : this.validated(p, batch, targets, loss);
    if (options.validate !== false) validateSgdConfig({ ...update, steps: 1 }, 'update');
    const ws = this.workspace(sizes, batch.B, batch.T);
    return sgdStep(p, (q) => bpttBatch(q, batch, targets, loss, sizes, ws, false), update, options.step ?? 1);
  }

  train(
    p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, config: SgdConfig,
    onStep?: (record: TrainStepRecord, params: RnnParams) => void,
  ): TrainResult {
    const sizes = this.validated(p, batch, targets, loss);
    validateSgdConfig(config);
    const ws = this.workspace(sizes, batch.B, batch.T); // one for every step of the run
    return trainSgd(p, (q) => bpttBatch(q, batch, targets, loss, sizes, ws, false), config, onStep);
  }

  private validated(p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec): Sizes {
    const sizes = validateParams(p);
    validateBatch(batch, sizes.D);
    validateLoss(loss);
    validateTargets(targets, loss, batch.B, batch.T, sizes.O);
    return sizes;
  }

  /**
   * The engine's own workspace, or a fresh one for a call bigger than what it keeps. One kept
   * workspace is safe: a call runs to the end without calling out, and its results never alias it.
   */
  private workspace(sizes: Sizes, sequences: number, maxT: number): BpttWorkspace {
    const limit = this.options.retainedScratch ?? DEFAULT_RETAINED_SCRATCH;
    return scratchSize(sizes, sequences, maxT) > limit ? new BpttWorkspace(this.options) : this.kept();
  }

  /** Built on first use: a module that creates an engine and never runs it compiles no kernels. */
  private kept(): BpttWorkspace {
    this.own ??= new BpttWorkspace(this.options);
    return this.own;
  }
}

function isSequences(input: SequenceBatch | readonly SingleSequence[]): input is readonly SingleSequence[] {
  return Array.isArray(input);
}
