import type { DirectoryRatio, DirectoryRow } from '../plan/results.js';
import { DIRECTORY_GOAL } from '../plan/run-directories.js';
import { fixed, markdownTable } from './markdown-table.js';

const judged = (r: DirectoryRatio) =>
  Number.isFinite(r.paired) ? `**${fixed(r.paired, 2)}** ${r.paired >= DIRECTORY_GOAL ? '✅' : '❌'} (${fixed(r.low, 2)}–${fixed(r.high, 2)}; pooled ${fixed(r.pooled, 2)})` : 'n/a';
const context = (r: DirectoryRatio) => `${fixed(r.paired, 2)} (${fixed(r.low, 2)}–${fixed(r.high, 2)})`;

/**
 * Section 10 of BENCHMARKS.md: AD login ÷ raw ldapts on Samba AD, paired, three ways.
 *
 * @example out.push(...renderDirectories(results.directories));
 */
export function renderDirectories(rows: readonly DirectoryRow[]): string[] {
  if (rows.length === 0) return [];
  const first = rows[0]!;
  return [
    `## 12. AD login ÷ raw ldapts search + bind, on Samba AD (goal ≥ ${DIRECTORY_GOAL})`,
    '',
    `One process (\`packages/ldap/bench/paired-ad-login.ts\`) against a Samba AD DC it starts (\`-M single\`, on loopback):`,
    '**raw** is ldapts by hand (per worker, a service-account connection bound once that searches for the user with the',
    'attributes the profile needs, and a second connection that binds as the user); **ad** is',
    "`createLdapDirectory().authenticate` (pools, escaping, error mapping, profile mapping); **/oauth/ro** is the whole login",
    `through \`oauthRo.handle\` (adds RS256 minting), for context. ${first.rounds} rounds of ${fixed(first.phaseMs)} ms per contender, the order`,
    'reversed every other round; each ratio is the **median over rounds of that round\'s ad ÷ raw** (paired: a noisy second',
    'hits both sides of one ratio), with the range over rounds and the ratio of the pooled sums. Per CPU counts logins per',
    "CPU-second of the measuring process (`process.cpuUsage`), and of it together with the Samba DC's processes",
    "(`/proc/<pid>/stat`, 10 ms ticks): Samba does most of a login's work, the same for both, so that ratio is the steadiest.",
    '',
    markdownTable(
      ['in flight', 'logins/s raw · ad · /oauth/ro', 'CPU ms per login (process + Samba) raw · ad · /oauth/ro', 'ad ÷ raw: throughput', 'per CPU of process', 'per CPU of process + Samba', '/oauth/ro ÷ raw: throughput · per CPU + Samba'],
      rows.map((row) => {
        const cpu = (c: 'raw' | 'ad' | 'oauth') => `${fixed(row.cpuMsPerLogin[c].self, 2)} + ${fixed(row.cpuMsPerLogin[c].samba, 2)}`;
        return [
          String(row.concurrency),
          `${fixed(row.perSecond.raw)} · ${fixed(row.perSecond.ad)} · ${fixed(row.perSecond.oauth)}`,
          `${cpu('raw')} · ${cpu('ad')} · ${cpu('oauth')}`,
          judged(row.ad.throughput),
          judged(row.ad.perClientCpu),
          judged(row.ad.perTotalCpu),
          `${context(row.oauth.throughput)} · ${context(row.oauth.perTotalCpu)}`,
        ];
      }),
    ),
    '',
  ];
}
