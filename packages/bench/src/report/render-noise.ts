import type { NoiseRow } from '../plan/results.js';

/**
 * The hypervisor's steal during the run and each section: of the time this VM's virtual CPUs wanted
 * to run, the share the host ran something else, which no ratio can pair away entirely.
 *
 * @example renderNoise([{ section: 'throughput', seconds: 300, steal: 0.04 }, { section: 'whole run', seconds: 1400, steal: 0.06 }]);
 */
export function renderNoise(noise: readonly NoiseRow[]): string[] {
  const pct = (share: number | undefined) => (share === undefined ? 'unknown' : `${(share * 100).toFixed(1)} %`);
  const whole = noise.find((n) => n.section === 'whole run');
  const sections = noise.filter((n) => n.section !== 'whole run');
  if (!whole && sections.length === 0) return [];
  return [
    `**Hypervisor steal** (of the time this machine's virtual CPUs wanted to run, the share the host gave to other`,
    `tenants, from \`/proc/stat\`) during this run: ${pct(whole?.steal)}; by section: ${sections.map((n) => `${n.section} ${pct(n.steal)}`).join(', ')}.`,
    'Ratios from a section with much steal swing more from round to round and from run to run.',
    '',
  ];
}
