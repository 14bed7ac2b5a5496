import { describe } from 'vitest';
import type { AdapterHarness } from '../harness/types.js';
import { adminSuite } from './admin.suite.js';
import { auditSuite } from './audit.suite.js';
import { bruteForceSuite } from './brute-force.suite.js';
import { discoverySuite } from './discovery.suite.js';
import { inputLimitsSuite } from './input-limits.suite.js';
import { ipThrottlingSuite } from './ip-throttling.suite.js';
import { malformedInputSuite } from './malformed-input.suite.js';
import { overloadSuite } from './overload.suite.js';
import { passwordlessSuite } from './passwordless.suite.js';
import { profileSuite } from './profile.suite.js';
import { protectRoutesSuite } from './protect-routes.suite.js';
import { roPasswordSuite } from './ro-password.suite.js';
import { signupSuite } from './signup.suite.js';
import { keyRotationSuite } from './key-rotation.suite.js';
import { tokenLifecycleSuite } from './token-lifecycle.suite.js';
import { touchIdSuite } from './touch-id.suite.js';
import { apiAudienceSuite } from './api-audience.suite.js';
import { tokenGrantsSuite } from './token-grants.suite.js';
import { socialExchangeSuite } from './social-exchange.suite.js';

export * from './use-mounted-app.js';

/** Every suite of the contract, in order. Strategy packages add their own over the same harnesses. */
export const CONFORMANCE_SUITES = [roPasswordSuite, signupSuite, profileSuite, discoverySuite, malformedInputSuite, inputLimitsSuite, protectRoutesSuite, overloadSuite, tokenLifecycleSuite, touchIdSuite, keyRotationSuite, passwordlessSuite, bruteForceSuite, ipThrottlingSuite, adminSuite, auditSuite, tokenGrantsSuite, apiAudienceSuite, socialExchangeSuite];

/**
 * Runs the whole conformance suite against each harness.
 *
 * @example describeConformance(ADAPTER_HARNESSES);
 */
export function describeConformance(harnesses: readonly AdapterHarness[]): void {
  describe.each(harnesses.map((h) => [h.name, h] as const))('%s adapter', (_name, harness) => {
    for (const suite of CONFORMANCE_SUITES) suite(harness);
  });
}
