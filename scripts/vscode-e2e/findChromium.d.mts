/** Types for findChromium.mjs, for the TypeScript test harnesses. */
export declare const CHROMIUM_ARGS: string[];
/** Debian's chromium (or $CHROMIUM); throws with what to install when there is none. */
export declare function chromiumPath(): string;
