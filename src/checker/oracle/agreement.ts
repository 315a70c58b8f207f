// What "agrees" means lives with the engine (src/engine/agreement.ts), which the demos and the
// webviews may import too; the oracle's modules keep importing it from here.
export { AGREEMENT_RELATIVE, agrees, numberAgrees } from '../../engine/agreement';
