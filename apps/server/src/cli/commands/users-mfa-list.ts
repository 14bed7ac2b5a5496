import { EXIT, type CliCommand } from '../command.js';
import { withUserMfa } from '../mfa-context.js';

/** `oauth-ro users mfa list`: a user's MFA enrolments. */
export const usersMfaList: CliCommand = {
  name: 'users mfa list',
  summary: "list a user's MFA enrolments",
  help: `Usage: oauth-ro users mfa list <user_id | email | username> [--connection <name>] [--json]

Lists the user's MFA enrolments, tab-separated (id, status, enrolled_at, last_auth, name), or as
JSON lines in the Management API's shape (GET /api/v2/users/{id}/enrollments). Never a key.

Example:
  oauth-ro users mfa list alice@example.com --json`,
  options: { connection: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    return withUserMfa(args, io, async (_context, user, mfa) => {
      const enrollments = await mfa.list(user.user_id);
      if (args.values.json === true) {
        for (const e of enrollments) io.out(JSON.stringify(e));
        return EXIT.ok;
      }
      io.out('id\tstatus\tenrolled_at\tlast_auth\tname');
      for (const e of enrollments) io.out([e.id, e.status, e.enrolled_at, e.last_auth ?? '', e.name ?? ''].join('\t'));
      return EXIT.ok;
    });
  },
};
