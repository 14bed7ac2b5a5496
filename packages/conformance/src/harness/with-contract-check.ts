import { contractChecker } from '../openapi/contract-checker.js';
import type { ResponseChecker } from '../openapi/response-checker.js';
import type { AdapterHarness, TestRequest, TestResponse } from './types.js';

/** A response that contradicts the OpenAPI document; the message names the request and what is wrong. */
export class ContractViolationError extends Error {
  constructor(
    readonly request: TestRequest,
    readonly response: TestResponse,
    readonly problems: readonly string[],
  ) {
    super(
      `${request.method} ${request.path} → ${response.status} contradicts the OpenAPI document:\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        `\n  body: ${response.text.slice(0, 300)}`,
    );
    this.name = 'ContractViolationError';
  }
}

/**
 * The same harness, with every response checked against the OpenAPI document as it arrives: a
 * response the document does not describe fails the request (and so the test that sent it). The
 * default checker (core's document, shared by the process) is built at the first response, not when
 * the harness is made: importing the kit costs nothing to a test that never dispatches.
 *
 * @example const checked = withContractCheck(expressHarness);
 */
export function withContractCheck(harness: AdapterHarness, check?: ResponseChecker): AdapterHarness {
  return {
    name: harness.name,
    unknownPaths: harness.unknownPaths,
    async mount(oauthRo) {
      const app = await harness.mount(oauthRo);
      return {
        async dispatch(request) {
          const response = await app.dispatch(request);
          const problems = (check ?? contractChecker())(request, response);
          if (problems.length > 0) throw new ContractViolationError(request, response, problems);
          return response;
        },
        close: () => app.close(),
      };
    },
  };
}
