import type { Metafile } from 'esbuild';

/** See bundle.mjs. */
export declare function bundleWorker(options?: { outfile?: string }): Promise<{ outfile: string; metafile: Metafile }>;
