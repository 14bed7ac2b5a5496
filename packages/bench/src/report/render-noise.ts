import type { NoiseRow } from '../plan/results.js';

/**
 * The hypervisor's steal during the run and each section: of the time this VM's virtual CPUs wanted
 * to run, the share the host ran something else, which no ratio can pair away entirely.
 *
 * @example renderNoise([{ section: 'throughput', steal: 0.04 }], 0.06);
 */
export function renderNoise(sections: readonly NoiseRow[], runSteal: number | undefined): string[] {
  if (sections.length === 0) return [];
  const pct = (share: number | undefined) => (share === undefined ? 'unknown' : `${(share * 100).toFixed(1)} %`);
  return [
    `**Hypervisor steal** (of the time this machine's virtual CPUs wanted to run, the share the host gave to other`,
    `tenants, from \`/proc/stat\`) during this run: ${pct(runSteal)}; by section: ${sections.map((n) => `${n.section} ${pct(n.steal)}`).join(', ')}.`,
    'Ratios from a section with much steal swing more from round to round and from run to run.',
    '',
  ];
}
