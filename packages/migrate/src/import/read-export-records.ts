/** One record of a user export: its JSON text, or why it could not be read, and where it starts. */
export interface ExportRecord {
  /** 1-based line the record starts on. */
  readonly line: number;
  readonly text?: string;
  readonly problem?: string;
}

/** Longest record kept (a user with large metadata is a few KiB); a longer one is reported, not held. */
export const MAX_RECORD_CHARS = 1 << 20;

const WHITESPACE = new Set([' ', '\t', '\r', '\n', '\ufeff']);

/** Splits JSON lines: one record per non-blank line. */
class LineSplitter {
  #buffer = '';
  #line = 1;
  #tooLong = false;
  constructor(private readonly max: number) {}

  *push(chunk: string): Generator<ExportRecord> {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      yield* this.#end(chunk.slice(start, nl));
      start = nl + 1;
    }
    this.#add(chunk.slice(start));
  }

  *finish(): Generator<ExportRecord> {
    if (this.#buffer !== '' || this.#tooLong) yield* this.#end('');
  }

  #add(text: string): void {
    if (this.#tooLong) return;
    this.#buffer += text;
    if (this.#buffer.length > this.max) {
      this.#tooLong = true;
      this.#buffer = '';
    }
  }

  *#end(rest: string): Generator<ExportRecord> {
    this.#add(rest);
    const line = this.#line;
    this.#line += 1;
    const text = this.#buffer.trim();
    const tooLong = this.#tooLong;
    this.#buffer = '';
    this.#tooLong = false;
    if (tooLong) yield { line, problem: `longer than ${this.max} characters` };
    else if (text !== '') yield { line, text };
  }
}

/** Splits the elements of one top-level JSON array, tracking strings and nesting, without parsing them. */
class ArraySplitter {
  #line = 1;
  #depth = 0;
  #inString = false;
  #escaped = false;
  #closed = false;
  #element = '';
  #elementLine = 0;
  #tooLong = false;
  #trailing = false;
  constructor(private readonly max: number) {}

  *push(chunk: string): Generator<ExportRecord> {
    let from = 0;
    const flush = (to: number) => {
      if (this.#elementLine !== 0 && !this.#tooLong) {
        this.#element += chunk.slice(from, to);
        if (this.#element.length > this.max) {
          this.#tooLong = true;
          this.#element = '';
        }
      }
      from = to;
    };
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk[i]!;
      if (c === '\n') this.#line += 1;
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (c === '\\') this.#escaped = true;
        else if (c === '"') this.#inString = false;
        continue;
      }
      if (this.#closed) {
        if (!WHITESPACE.has(c)) this.#trailing = true;
        continue;
      }
      if (this.#depth === 0) {
        if (c === '[') this.#depth = 1;
        from = i + 1;
        continue;
      }
      if (this.#depth === 1 && (c === ',' || c === ']')) {
        flush(i);
        from = i + 1;
        const record = this.#take();
        if (record) yield record;
        if (c === ']') {
          this.#closed = true;
          this.#depth = 0;
        }
        continue;
      }
      if (this.#depth === 1 && this.#elementLine === 0) {
        if (WHITESPACE.has(c)) {
          from = i + 1;
          continue;
        }
        this.#elementLine = this.#line;
        from = i;
      }
      if (c === '"') this.#inString = true;
      else if (c === '{' || c === '[') this.#depth += 1;
      else if (c === '}' || c === ']') this.#depth -= 1;
    }
    flush(chunk.length);
  }

  *finish(): Generator<ExportRecord> {
    if (this.#closed && this.#trailing) yield { line: this.#line, problem: 'text after the end of the JSON array' };
    if (!this.#closed) {
      const record = this.#take();
      if (record) yield record;
      yield { line: this.#line, problem: 'the JSON array is not closed (the file may be cut short)' };
    }
  }

  #take(): ExportRecord | undefined {
    const line = this.#elementLine;
    const text = this.#element.trim();
    const tooLong = this.#tooLong;
    this.#element = '';
    this.#elementLine = 0;
    this.#tooLong = false;
    if (line === 0) return undefined;
    return tooLong ? { line, problem: `longer than ${this.max} characters` } : { line, text };
  }
}

/**
 * Reads a user export as it streams in, one record at a time: JSON lines (Auth0's export job
 * format, one user per line) or, when the first character is `[`, one JSON array of users. Memory
 * stays bounded by the longest record (`maxRecordChars`; longer ones are reported, not read).
 * Records are not parsed here.
 *
 * @example
 * for await (const record of readExportRecords(createReadStream('users.json', 'utf8'))) {
 *   if (record.text) JSON.parse(record.text);
 * }
 */
export async function* readExportRecords(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  maxRecordChars = MAX_RECORD_CHARS,
): AsyncGenerator<ExportRecord> {
  const decoder = new TextDecoder('utf-8');
  let splitter: LineSplitter | ArraySplitter | undefined;
  let pending = '';
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (!splitter) {
      pending += text;
      const first = [...pending].find((c) => !WHITESPACE.has(c));
      if (first === undefined) continue;
      splitter = first === '[' ? new ArraySplitter(maxRecordChars) : new LineSplitter(maxRecordChars);
      yield* splitter.push(pending.replace(/^\ufeff/, ''));
      continue;
    }
    yield* splitter.push(text);
  }
  const rest = decoder.decode();
  if (splitter) {
    if (rest !== '') yield* splitter.push(rest);
    yield* splitter.finish();
  }
}
