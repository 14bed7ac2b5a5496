import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** One span as the receiver decoded it (ids in lower-case hex, as in `traceparent`). */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** Empty for a root span. */
  readonly parentSpanId: string;
  readonly name: string;
  /** OTLP's `SpanKind`: 1 internal, 2 server, 3 client. */
  readonly kind: number;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  readonly service: string | undefined;
}

type Field = { readonly number: number; readonly wire: number; readonly value: bigint | Uint8Array };

/** The fields of one protobuf message (wire types 0, 1, 2, 5: all OTLP uses). */
function fields(bytes: Uint8Array): Field[] {
  const out: Field[] = [];
  let at = 0;
  const varint = (): bigint => {
    let value = 0n;
    for (let shift = 0n; at < bytes.length; shift += 7n) {
      const byte = bytes[at++]!;
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
    throw new Error('truncated varint');
  };
  while (at < bytes.length) {
    const key = Number(varint());
    const wire = key & 7;
    if (wire === 0) out.push({ number: key >> 3, wire, value: varint() });
    else if (wire === 2) {
      const length = Number(varint());
      out.push({ number: key >> 3, wire, value: bytes.subarray(at, at + length) });
      at += length;
    } else if (wire === 1 || wire === 5) {
      const length = wire === 1 ? 8 : 4;
      out.push({ number: key >> 3, wire, value: bytes.subarray(at, at + length) });
      at += length;
    } else throw new Error(`unexpected wire type ${wire}`);
  }
  return out;
}

const bytesOf = (f: readonly Field[], n: number) => f.filter((x) => x.number === n).map((x) => x.value as Uint8Array);
const text = (b: Uint8Array | undefined) => (b === undefined ? '' : new TextDecoder().decode(b));
const hex = (b: Uint8Array | undefined) => (b === undefined ? '' : Buffer.from(b).toString('hex'));

/** `KeyValue { key = 1; AnyValue value = 2 }`, `AnyValue { string 1, bool 2, int 3, double 4 }`. */
function attributes(keyValues: readonly Uint8Array[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const kv of keyValues) {
    const f = fields(kv);
    const value = fields(bytesOf(f, 2)[0] ?? new Uint8Array())[0];
    if (!value) continue;
    const key = text(bytesOf(f, 1)[0]);
    if (value.number === 1) out[key] = text(value.value as Uint8Array);
    else if (value.number === 2) out[key] = value.value === 1n;
    else if (value.number === 3) out[key] = Number(value.value as bigint);
    else if (value.number === 4) out[key] = Buffer.from(value.value as Uint8Array).readDoubleLE(0);
  }
  return out;
}

/**
 * Decodes an OTLP/HTTP protobuf `ExportTraceServiceRequest`: resource_spans = 1 → (resource = 1,
 * scope_spans = 2) → spans = 2 → trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, attributes 9.
 */
export function decodeTraceRequest(body: Uint8Array): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of bytesOf(fields(body), 1)) {
    const rs = fields(resourceSpans);
    const resource = attributes(bytesOf(fields(bytesOf(rs, 1)[0] ?? new Uint8Array()), 1));
    for (const scopeSpans of bytesOf(rs, 2)) {
      for (const span of bytesOf(fields(scopeSpans), 2)) {
        const f = fields(span);
        spans.push({
          traceId: hex(bytesOf(f, 1)[0]),
          spanId: hex(bytesOf(f, 2)[0]),
          parentSpanId: hex(bytesOf(f, 4)[0]),
          name: text(bytesOf(f, 5)[0]),
          kind: Number(f.find((x) => x.number === 6)?.value ?? 0n),
          attributes: attributes(bytesOf(f, 9)),
          service: resource['service.name'] as string | undefined,
        });
      }
    }
  }
  return spans;
}

/** A local OTLP/HTTP trace receiver (loopback): what it received, decoded. */
export interface OtlpReceiver {
  readonly endpoint: string;
  readonly spans: ReceivedSpan[];
  /** The content types of the export requests. */
  readonly contentTypes: string[];
  close(): Promise<void>;
}

/**
 * Starts a receiver answering `POST /v1/traces` like a collector (200, empty
 * `ExportTraceServiceResponse`), decoding protobuf bodies (gzip or not).
 *
 * @example const receiver = await startOtlpReceiver(); spawnServer({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint });
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const contentTypes: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      contentTypes.push(String(req.headers['content-type']));
      spans.push(...decodeTraceRequest(new Uint8Array(body)));
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    contentTypes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
