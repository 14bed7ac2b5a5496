import type { TestRequest, TestResponse } from './types.js';

/** The body and content-type a {@link TestRequest} asks for. */
export function encodeTestBody(request: TestRequest): { body?: string; contentType?: string } {
  if (request.json !== undefined) return { body: JSON.stringify(request.json), contentType: 'application/json' };
  if (request.form !== undefined) {
    return { body: new URLSearchParams(request.form).toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  return request.body === undefined ? {} : { body: request.body };
}

/** Builds a {@link TestResponse}, parsing JSON bodies. */
export function toTestResponse(status: number, headers: Record<string, string>, text: string): TestResponse {
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, headers, text, json };
}
