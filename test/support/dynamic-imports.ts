// Extension code loads its helpers with import() (lazy activation), which mocha's CommonJS
// hook (tsx/cjs) does not cover. Registering tsx's ESM loader lets those imports load .ts.
// Its ESM entry: the CommonJS one fails to register from here. The name is in a variable, as
// the typecheck's module resolution does not read the package's ESM-only types.
const TSX_ESM_API = 'tsx/esm/api';

/** Registers tsx for import() in the calling suite; returns the function that undoes it. */
export async function registerTsxForDynamicImports(): Promise<() => Promise<void>> {
  const api = (await import(TSX_ESM_API)) as { register: () => () => Promise<void> };
  return api.register();
}
