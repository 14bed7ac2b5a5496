import type { Element } from '@xmldom/xmldom';
import { NS } from '../protocol/namespaces.js';
import { childElements, onlyChild, textOf } from '../protocol/parse-xml.js';

/** What the assertion's conditions are checked against. */
export interface ConditionExpectations {
  readonly audience: string;
  /** Epoch milliseconds. */
  readonly now: number;
  readonly skewSeconds: number;
}

function instant(value: string | null | undefined): number | undefined {
  if (!value || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function audiences(conditions: Element, version: 'saml11' | 'saml2'): string[] | undefined {
  const ns = version === 'saml2' ? NS.saml2 : NS.saml1;
  const restrictions = childElements(conditions, ns, version === 'saml2' ? 'AudienceRestriction' : 'AudienceRestrictionCondition');
  if (restrictions.length === 0) return undefined;
  // Each restriction must be met on its own (SAML core: all conditions must hold).
  const sets = restrictions.map((r) => childElements(r, ns, 'Audience').map((a) => textOf(a) ?? ''));
  return sets.reduce((common, set) => common.filter((a) => set.includes(a)));
}

/**
 * Checks a signed assertion's `Conditions`: `NotBefore` / `NotOnOrAfter` (required) within the
 * allowed skew, and an audience restriction naming the realm. For SAML 2.0 bearer subject
 * confirmations, their `NotOnOrAfter` too.
 *
 * @example checkConditions(signedAssertion, 'saml2', { audience: realm, now: Date.now(), skewSeconds: 120 });
 */
export function checkConditions(
  assertion: Element,
  version: 'saml11' | 'saml2',
  expect: ConditionExpectations,
): { ok: true } | { ok: false; reason: string } {
  const ns = version === 'saml2' ? NS.saml2 : NS.saml1;
  const conditions = onlyChild(assertion, ns, 'Conditions');
  if (!conditions) return { ok: false, reason: 'the assertion has no conditions' };
  const skew = expect.skewSeconds * 1000;
  const notBefore = conditions.getAttribute('NotBefore');
  const notOnOrAfter = instant(conditions.getAttribute('NotOnOrAfter'));
  if (notOnOrAfter === undefined) return { ok: false, reason: 'the assertion has no valid NotOnOrAfter' };
  if (notBefore) {
    const from = instant(notBefore);
    if (from === undefined) return { ok: false, reason: 'the assertion has an invalid NotBefore' };
    if (expect.now + skew < from) return { ok: false, reason: 'the assertion is not yet valid' };
  }
  if (expect.now - skew >= notOnOrAfter) return { ok: false, reason: 'the assertion has expired' };
  const allowed = audiences(conditions, version);
  if (!allowed || !allowed.includes(expect.audience)) return { ok: false, reason: 'the assertion is for another audience' };
  if (version === 'saml2') {
    const subject = onlyChild(assertion, NS.saml2, 'Subject');
    for (const confirmation of subject ? childElements(subject, NS.saml2, 'SubjectConfirmation') : []) {
      for (const data of childElements(confirmation, NS.saml2, 'SubjectConfirmationData')) {
        const until = data.getAttribute('NotOnOrAfter');
        if (until && (instant(until) ?? -Infinity) <= expect.now - skew) return { ok: false, reason: 'the subject confirmation has expired' };
      }
    }
  }
  return { ok: true };
}
