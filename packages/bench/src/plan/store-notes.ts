/**
 * Section (5)'s notes on what is not measured, each starting `store: ` for the report.
 *
 * @example storeNotes(); // ['store: Redis …']
 */
export function storeNotes(): string[] {
  return [
    'store: Redis (`packages/store-redis`) holds the Touch ID replay markers, passwordless codes and counters; ' +
      'none of the benchmarked paths touches them (the passwordless code check and the jwt-bearer grant are ' +
      'single-use by design, so a steady load of one request cannot exercise them), so it is not measured.',
  ];
}
