/** Env files, reference collection, debug-environment merging and reference resolution. Pure: never imports vscode. */
export * from './envFile';
export * from './collect';
export * from './debugMerge';
export * from './resolve';
