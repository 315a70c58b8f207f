/** Types for npmEnv.mjs, for the TypeScript tests. */
export declare function isConnectionKey(key: string): boolean;
export declare function cleanPath(path: string | undefined): string;
export declare function cleanNpmEnv(
  env: Record<string, string | undefined>,
  options?: { userconfig?: string; nodeDir?: string },
): Record<string, string>;
export declare function connectionLines(npmrc: string): string[];
export declare function runCleanNpm(
  command: string[],
  options?: { cwd?: string; nodeDir?: string; env?: Record<string, string | undefined> },
): number;
