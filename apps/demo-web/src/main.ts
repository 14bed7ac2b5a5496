import type { Authentication } from 'auth0-js';
import { callAuth0, type Outcome } from './call-auth0.js';
import { createAuthClient } from './create-auth-client.js';
import { decodeIdToken } from './decode-id-token.js';
import { renderClaims } from './render-session.js';

// Wires the page: database sign-up and log-in, SMS code and log-in, all through auth0.js v8's
// Authentication API (`/dbconnections/signup`, `/passwordless/start`, `/oauth/ro`, `/userinfo`).

const SCOPE = 'openid profile';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`demo page: #${id} is missing`);
  return found as T;
}

const ui = {
  clientId: element<HTMLInputElement>('client-id'),
  databaseConnection: element<HTMLInputElement>('database-connection'),
  smsConnection: element<HTMLInputElement>('sms-connection'),
  databaseForm: element<HTMLFormElement>('database-form'),
  email: element<HTMLInputElement>('email'),
  password: element<HTMLInputElement>('password'),
  smsStartForm: element<HTMLFormElement>('sms-start-form'),
  phone: element<HTMLInputElement>('phone'),
  smsLoginForm: element<HTMLFormElement>('sms-login-form'),
  code: element<HTMLInputElement>('code'),
  status: element<HTMLParagraphElement>('status'),
  error: element<HTMLParagraphElement>('error'),
  session: element<HTMLElement>('session'),
  sessionHeading: element<HTMLHeadingElement>('session-heading'),
  claims: element<HTMLTableElement>('claims'),
  userinfo: element<HTMLPreElement>('userinfo'),
  signOut: element<HTMLButtonElement>('sign-out'),
};

/** Settings can come from the address (`?client_id=…&connection=…&sms_connection=…`). */
const query = new URLSearchParams(window.location.search);
ui.clientId.value = query.get('client_id') ?? ui.clientId.value;
ui.databaseConnection.value = query.get('connection') ?? ui.databaseConnection.value;
ui.smsConnection.value = query.get('sms_connection') ?? ui.smsConnection.value;
/** The oauth-ro server: `?server=` when the page runs on its own origin (as deployed), else the page's origin. */
const server = new URL(query.get('server') ?? window.location.origin);
element('server').textContent = server.origin;

function client(): Authentication {
  return createAuthClient(server, ui.clientId.value.trim());
}

function say(message: string): void {
  ui.error.textContent = '';
  ui.status.textContent = message;
}

function fail(action: string, outcome: Outcome<unknown>): void {
  if (outcome.ok) return;
  ui.status.textContent = '';
  const status = outcome.error.status === undefined ? '' : ` (HTTP ${outcome.error.status})`;
  ui.error.textContent = `${action} failed${status}: ${outcome.error.description} [${outcome.error.code}]`;
}

/** Disables a form's controls while its request runs, so one click is one request. */
async function busy<T>(form: HTMLFormElement, work: () => Promise<T>): Promise<T> {
  const controls = [...form.elements].filter((e): e is HTMLButtonElement | HTMLInputElement => 'disabled' in e);
  form.setAttribute('aria-busy', 'true');
  controls.forEach((c) => (c.disabled = true));
  try {
    return await work();
  } finally {
    controls.forEach((c) => (c.disabled = false));
    form.removeAttribute('aria-busy');
  }
}

async function showSession(auth: Authentication, tokens: { accessToken: string; idToken?: string }, how: string): Promise<void> {
  const claims = tokens.idToken ? decodeIdToken(tokens.idToken) : undefined;
  renderClaims(ui.claims, claims ?? {});
  const profile = await callAuth0<Record<string, unknown>>((cb) => auth.userInfo(tokens.accessToken, cb));
  ui.userinfo.textContent = profile.ok ? JSON.stringify(profile.value, null, 2) : `GET /userinfo failed: ${profile.error.description}`;
  ui.sessionHeading.textContent = `Signed in as ${typeof claims?.sub === 'string' ? claims.sub : 'an unknown user'}`;
  ui.session.hidden = false;
  say(`Logged in through /oauth/ro (${how}).`);
  ui.sessionHeading.focus();
}

/** Logs in through `/oauth/ro`; true when it worked. */
async function logIn(form: HTMLFormElement, connection: string, username: string, password: string, how: string): Promise<boolean> {
  return busy(form, async () => {
    const auth = client();
    const signedIn = await callAuth0<{ accessToken: string; idToken?: string }>((cb) =>
      auth.loginWithResourceOwner({ connection, username, password, scope: SCOPE }, cb),
    );
    if (!signedIn.ok) {
      fail('Log in', signedIn);
      return false;
    }
    await showSession(auth, signedIn.value, how);
    return true;
  });
}

ui.databaseForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const action = (event.submitter as HTMLButtonElement | null)?.value ?? 'login';
  const connection = ui.databaseConnection.value.trim();
  const email = ui.email.value.trim();
  const password = ui.password.value;
  if (action === 'signup') {
    void busy(ui.databaseForm, async () => {
      const signedUp = await callAuth0<{ email?: string }>((cb) => client().dbConnection.signup({ connection, email, password }, cb));
      if (signedUp.ok) say(`Signed up ${signedUp.value.email ?? email}. Now log in.`);
      else fail('Sign up', signedUp);
    });
    return;
  }
  void logIn(ui.databaseForm, connection, email, password, `database connection ${connection}`);
});

ui.smsStartForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const phoneNumber = ui.phone.value.trim();
  void busy(ui.smsStartForm, async () => {
    const started = await callAuth0((cb) => client().passwordless.start({ connection: ui.smsConnection.value.trim(), send: 'code', phoneNumber }, cb));
    if (!started.ok) return fail('Sending the code', started);
    say(`A code was sent to ${phoneNumber}. Enter it below.`);
    ui.code.focus();
  });
});

ui.smsLoginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const connection = ui.smsConnection.value.trim();
  void logIn(ui.smsLoginForm, connection, ui.phone.value.trim(), ui.code.value.trim(), `SMS connection ${connection}`).then((done) => {
    // A code is single use: once it worked, it has no business staying on screen.
    if (done) ui.code.value = '';
  });
});

ui.signOut.addEventListener('click', () => {
  ui.session.hidden = true;
  ui.claims.tBodies[0]?.replaceChildren();
  ui.userinfo.textContent = '';
  ui.password.value = '';
  ui.code.value = '';
  say('Signed out: the page forgot the tokens.');
});
