import { fetchHarness as fetchCore } from './fetch-harness.js';
import { withContractCheck } from './with-contract-check.js';

export type * from './types.js';
export * from './to-test-response.js';
export * from './with-contract-check.js';

/** Core alone, through `oauthRo.fetch` (a Fetch runtime embedding core); responses checked. */
export const fetchHarness = withContractCheck(fetchCore);
