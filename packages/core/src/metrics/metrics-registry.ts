type Labels = Readonly<Record<string, string>>;

/** Latency buckets in seconds, sized for password hashing (tens to hundreds of ms) and directories. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

interface HistogramCell {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

function record(cell: HistogramCell, seconds: number): void {
  for (let i = 0; i < BUCKETS.length; i += 1) if (seconds <= BUCKETS[i]!) cell.counts[i]! += 1;
  cell.sum += seconds;
  cell.count += 1;
}

/** The metrics oauth-ro keeps, per process, in Prometheus' text format (no Node dependency). */
export interface MetricsRegistry {
  /** One answered request: route pattern, method, status, seconds taken. */
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  /** One `/oauth/ro` outcome: connection name, `success` or the error code, seconds taken. */
  observeLogin(connection: string, outcome: string, seconds: number): void;
  /** The Prometheus exposition text (`text/plain; version=0.0.4`). */
  render(): string;
}

/**
 * Counters and histograms in memory, rendered on demand. Labels only ever carry configured names,
 * route patterns and error codes, so their number stays bounded whatever clients send.
 *
 * @example
 * const metrics = createMetricsRegistry();
 * metrics.observeLogin('Username-Password-Authentication', 'success', 0.08);
 * metrics.render(); // '# HELP oauth_ro_logins_total …'
 */
export function createMetricsRegistry(): MetricsRegistry {
  const requests = new Map<string, { labels: Labels; value: number }>();
  const logins = new Map<string, { labels: Labels; value: number }>();
  const requestSeconds = new Map<string, HistogramCell>();
  const loginSeconds = new Map<string, HistogramCell>();

  const inc = (map: Map<string, { labels: Labels; value: number }>, labels: Labels) => {
    const key = labelText(labels);
    const cell = map.get(key) ?? { labels, value: 0 };
    cell.value += 1;
    map.set(key, cell);
  };
  const observe = (map: Map<string, HistogramCell>, labels: Labels, seconds: number) => {
    const key = labelText(labels);
    const cell = map.get(key) ?? { labels, counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
    record(cell, seconds);
    map.set(key, cell);
  };
  // Every request counts: its cells are found by route, method and status without building label
  // text (the render order stays the order in which each series first appeared).
  type Counter = { labels: Labels; value: number };
  const requestCells = new Map<string, { seconds: HistogramCell; byMethod: Map<string, Map<number, Counter>> }>();
  const countRequest = (route: string, method: string, status: number, seconds: number) => {
    let cells = requestCells.get(route);
    if (!cells) {
      const labels = { route };
      const key = labelText(labels);
      const histogram = requestSeconds.get(key) ?? { labels, counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      requestSeconds.set(key, histogram);
      cells = { seconds: histogram, byMethod: new Map() };
      requestCells.set(route, cells);
    }
    let byStatus = cells.byMethod.get(method);
    if (!byStatus) {
      byStatus = new Map();
      cells.byMethod.set(method, byStatus);
    }
    let counter = byStatus.get(status);
    if (!counter) {
      const labels = { route, method, status: String(status) };
      const key = labelText(labels);
      counter = requests.get(key) ?? { labels, value: 0 };
      requests.set(key, counter);
      byStatus.set(status, counter);
    }
    counter.value += 1;
    record(cells.seconds, seconds);
  };
  const counterText = (name: string, help: string, map: Map<string, { labels: Labels; value: number }>) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} counter`,
    ...[...map.values()].map((c) => `${name}${labelText(c.labels)} ${c.value}`),
  ];
  const histogramText = (name: string, help: string, map: Map<string, HistogramCell>) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} histogram`,
    ...[...map.values()].flatMap((c) => [
      ...BUCKETS.map((b, i) => `${name}_bucket${labelText({ ...c.labels, le: String(b) })} ${c.counts[i]}`),
      `${name}_bucket${labelText({ ...c.labels, le: '+Inf' })} ${c.count}`,
      `${name}_sum${labelText(c.labels)} ${c.sum}`,
      `${name}_count${labelText(c.labels)} ${c.count}`,
    ]),
  ];

  return {
    observeRequest: countRequest,
    observeLogin(connection, outcome, seconds) {
      inc(logins, { connection, outcome });
      observe(loginSeconds, { connection }, seconds);
    },
    render() {
      return [
        ...counterText('oauth_ro_requests_total', 'Requests answered, by route, method and status.', requests),
        ...histogramText('oauth_ro_request_duration_seconds', 'Time to answer a request, by route.', requestSeconds),
        ...counterText('oauth_ro_logins_total', 'Outcomes of /oauth/ro and the password grants of /oauth/token, by connection.', logins),
        ...histogramText('oauth_ro_login_duration_seconds', 'Time to verify a login, by connection.', loginSeconds),
        '',
      ].join('\n');
    },
  };
}
