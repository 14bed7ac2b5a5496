import { describe } from 'vitest';
import type { AdapterHarness } from '../harness/types.js';
import { adminSuite } from './admin.suite.js';
import { answerShapeSuite } from './answer-shape.suite.js';
import { auditSuite } from './audit.suite.js';
import { bruteForceSuite } from './brute-force.suite.js';
import { discoverySuite } from './discovery.suite.js';
import { healthProbesSuite } from './health-probes.suite.js';
import { inputLimitsSuite } from './input-limits.suite.js';
import { ipThrottlingSuite } from './ip-throttling.suite.js';
import { malformedInputSuite } from './malformed-input.suite.js';
import { overloadSuite } from './overload.suite.js';
import { passwordlessSuite } from './passwordless.suite.js';
import { magicLinkSuite } from './magic-link.suite.js';
import { profileSuite } from './profile.suite.js';
import { protectRoutesSuite } from './protect-routes.suite.js';
import { roPasswordSuite } from './ro-password.suite.js';
import { signupSuite } from './signup.suite.js';
import { keyRotationSuite } from './key-rotation.suite.js';
import { loginLimitsSuite } from './login-limits.suite.js';
import { unicodeInputSuite } from './unicode-input.suite.js';
import { tokenLifecycleSuite } from './token-lifecycle.suite.js';
import { touchIdSuite } from './touch-id.suite.js';
import { extensibilitySuite } from './extensibility.suite.js';
import { customDatabaseSuite } from './custom-database.suite.js';
import { tokenForgerySuite } from './token-forgery.suite.js';
import { delegationAccessSuite } from './delegation-access.suite.js';
import { passwordChangeSuite } from './password-change.suite.js';
import { corsSuite } from './cors.suite.js';
import { browserLegacySuite } from './browser-legacy.suite.js';
import { accountsSuite } from './accounts.suite.js';
import { apiAudienceSuite } from './api-audience.suite.js';
import { tokenGrantsSuite } from './token-grants.suite.js';
import { socialExchangeSuite } from './social-exchange.suite.js';
import { mfaRoSuite } from './mfa-ro.suite.js';
import { mfaTokenSuite } from './mfa-token.suite.js';
import { mfaEnrollmentSuite } from './mfa-enrollment.suite.js';
import { mfaRulesSuite } from './mfa-rules.suite.js';

export * from './use-mounted-app.js';
export * from './token-grants-fixtures.js';

/** Every suite of the contract, in order. Strategy packages add their own over the same harnesses. */
export const CONFORMANCE_SUITES = [roPasswordSuite, signupSuite, profileSuite, discoverySuite, malformedInputSuite, inputLimitsSuite, protectRoutesSuite, overloadSuite, tokenLifecycleSuite, touchIdSuite, keyRotationSuite, passwordlessSuite, magicLinkSuite, bruteForceSuite, ipThrottlingSuite, adminSuite, auditSuite, extensibilitySuite, customDatabaseSuite, tokenForgerySuite, delegationAccessSuite, passwordChangeSuite, loginLimitsSuite, unicodeInputSuite, answerShapeSuite, corsSuite, browserLegacySuite, accountsSuite, healthProbesSuite, tokenGrantsSuite, apiAudienceSuite, socialExchangeSuite, mfaRoSuite, mfaTokenSuite, mfaEnrollmentSuite, mfaRulesSuite];

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
