// The memory store's run of the suite lives here rather than in store-memory: test-kit depends on
// store-memory, so a dependency back would be a cycle that turbo refuses to build.
import { createMemoryStores } from '@oauth-ro/store-memory';
import { describeStoreSuite } from './describe-store-suite.js';

describeStoreSuite('memory', () => ({ ...createMemoryStores(), close() {} }));
