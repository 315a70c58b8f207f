import { createEngine } from '../../src/engine';

/**
 * The tests' engine: the TypeScript loops, which run everywhere and are the numbers the tests'
 * expectations were written against (tests of the kernels themselves create engines of their own).
 */
export const testEngine = createEngine({ kernels: 'typescript' });
