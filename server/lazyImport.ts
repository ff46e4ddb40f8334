/**
 * Heavy libraries that only one feature needs (DOCX and PDF exports, imports, mail, Redis)
 * are loaded when that feature is first used, not at startup: a process that only serves
 * collaboration never pays their memory (issue 19, docs/PERFORMANCE.md "Idle memory").
 */

/**
 * Wraps a dynamic `import()` so the module loads on the first call and every later call gets
 * the same promise. A failed load is forgotten, so the next call tries again.
 */
export function lazyImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
