import { EXIT, type CliCommand } from '../command.js';
import type { CliIo } from '../cli-io.js';
import { withUserMfa } from '../mfa-context.js';
import { optionalString } from '../options.js';
import { userLabel } from '../resolve-user.js';
import { terminalQr } from '../terminal-qr.js';
import { CommandError, UsageError } from '../usage-error.js';

/** The first line typed on a terminal (echoed: a one-time code is no lasting secret). */
async function askCode(io: CliIo): Promise<string> {
  io.err('Code from the app: ');
  io.stdin.setEncoding('utf8');
  let typed = '';
  try {
    for await (const chunk of io.stdin) {
      typed += String(chunk);
      if (typed.includes('\n') || typed.length > 64) break;
    }
  } finally {
    io.stdin.pause();
  }
  return typed.split(/\r?\n/)[0]!.trim();
}

const codeOf = (text: string) => {
  const code = text.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(code)) throw new UsageError('the code is the 6 digits the app shows');
  return code;
};

/** `oauth-ro users mfa enroll`: a TOTP key as an otpauth:// URI and a QR code, then the first code. */
export const usersMfaEnroll: CliCommand = {
  name: 'users mfa enroll',
  summary: 'enrol a user in MFA: print the authenticator key and QR code, confirm the first code',
  help: `Usage: oauth-ro users mfa enroll <user_id | email | username> [--connection <name>] [--code <6 digits>] [--name <device>]

Without --code: begins a TOTP enrolment (replacing an earlier unconfirmed one) and prints its
otpauth:// URI and a QR code to scan with an authenticator app (Google Authenticator, Authy,
1Password…). On a terminal it then asks for the app's first code; otherwise confirm later with
--code. With --code: confirms the user's pending enrolment. Either way the recovery code is printed
once: hand it to the user. Needs OAUTH_RO_KEY_ENCRYPTION_KEY (the key is sealed with it, so the
server can read it).

Options:
  --connection <name>   where to look an email or username up
  --code <digits>       the app's current code, to confirm the pending enrolment
  --name <device>       a name for the device (shown by users mfa list)

Examples:
  oauth-ro users mfa enroll alice@example.com
  oauth-ro users mfa enroll alice@example.com --code 287082`,
  options: { connection: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const given = optionalString(args, 'code');
    const code = given === undefined ? undefined : codeOf(given);
    return withUserMfa(args, io, async (_context, user, mfa) => {
      let enrollment_id: string;
      if (code === undefined) {
        const name = optionalString(args, 'name');
        const begun = await mfa.begin(user.user_id, name === undefined ? {} : { name });
        if (!begun.ok) throw new CommandError(begun.error.description ?? begun.error.code);
        io.out(begun.value.otpauth_uri);
        io.out(terminalQr(begun.value.otpauth_uri, { color: io.stdoutIsTTY === true }));
        io.err(`Scan the QR code with an authenticator app, or type the key ${begun.value.secret_base32} into it.`);
        if (!io.stdin.isTTY) {
          io.err(`Then confirm: oauth-ro users mfa enroll ${user.user_id} --code <code from the app>`);
          return EXIT.ok;
        }
        enrollment_id = begun.value.enrollment.id;
      } else {
        const pending = (await mfa.list(user.user_id)).find((e) => e.status === 'pending');
        if (!pending) throw new CommandError(`${userLabel(user)} has no pending enrolment: run oauth-ro users mfa enroll without --code first`);
        enrollment_id = pending.id;
      }
      const confirmed = await mfa.confirm(enrollment_id, code ?? codeOf(await askCode(io)));
      if (!confirmed.ok) {
        const why = confirmed.error.code === 'mfa_invalid_code' ? 'wrong or expired code (check the clocks of the phone and this machine)' : (confirmed.error.description ?? confirmed.error.code);
        throw new CommandError(why);
      }
      io.out(`recovery code: ${confirmed.value.recovery_code}`);
      io.err(`MFA enrolment of ${userLabel(user)} confirmed. The recovery code is shown only now: hand it to the user.`);
      return EXIT.ok;
    }, { sealing: true });
  },
};
