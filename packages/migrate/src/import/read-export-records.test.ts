import { describe, expect, it } from 'vitest';
import { readExportRecords, type ExportRecord } from './read-export-records.js';

async function read(chunks: Array<string | Uint8Array>, max?: number): Promise<ExportRecord[]> {
  async function* source() {
    yield* chunks;
  }
  const records: ExportRecord[] = [];
  for await (const record of readExportRecords(source(), max)) records.push(record);
  return records;
}

/** Every way of cutting `text` into two chunks, and into one-character chunks. */
function cuts(text: string): string[][] {
  const ways = [[text], [...text]];
  for (let i = 1; i < text.length; i += 1) ways.push([text.slice(0, i), text.slice(i)]);
  return ways;
}

describe('readExportRecords', () => {
  it('reads JSON lines with their line numbers, skipping blank lines, wherever the chunks are cut', async () => {
    const text = '{"a":1}\r\n\n  {"b":"x\\ny"}  \n{"c":[1,2]}';
    for (const chunks of cuts(text)) {
      expect(await read(chunks)).toEqual([
        { line: 1, text: '{"a":1}' },
        { line: 3, text: '{"b":"x\\ny"}' },
        { line: 4, text: '{"c":[1,2]}' },
      ]);
    }
  });

  it('reads the elements of a JSON array, with the line each starts on, wherever the chunks are cut', async () => {
    const text = '\ufeff[\n  {"a": "]},[\\"", "n": {"m": [1, {"k": 2}]}},\n  {"b": 2}\n  ,{"c": 3}\n]\n';
    for (const chunks of cuts(text)) {
      expect(await read(chunks)).toEqual([
        { line: 2, text: '{"a": "]},[\\"", "n": {"m": [1, {"k": 2}]}}' },
        { line: 3, text: '{"b": 2}' },
        { line: 4, text: '{"c": 3}' },
      ]);
    }
  });

  it('decodes UTF-8 split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('{"name":"żółw 🐢"}\n');
    expect(await read([bytes.slice(0, 10), bytes.slice(10, 13), bytes.slice(13)])).toEqual([{ line: 1, text: '{"name":"żółw 🐢"}' }]);
  });

  it('reports a record longer than the limit without holding it, and goes on', async () => {
    const long = `{"x":"${'a'.repeat(100)}"}`;
    expect(await read([`{"a":1}\n${long.slice(0, 50)}`, `${long.slice(50)}\n{"b":2}\n`], 64)).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, problem: 'longer than 64 characters' },
      { line: 3, text: '{"b":2}' },
    ]);
    expect(await read([`[{"a":1},${long},{"b":2}]`], 64)).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 1, problem: 'longer than 64 characters' },
      { line: 1, text: '{"b":2}' },
    ]);
  });

  it('reports an array that is not closed, and text after it', async () => {
    expect(await read(['[{"a":1},\n{"b":'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '{"b":' },
      { line: 2, problem: 'the JSON array is not closed (the file may be cut short)' },
    ]);
    expect(await read(['[{"a":1}]\n{"b":2}'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, problem: 'text after the end of the JSON array' },
    ]);
  });

  it('reads nothing from an empty or blank input, or an empty array', async () => {
    expect(await read([])).toEqual([]);
    expect(await read(['  \n\n'])).toEqual([]);
    expect(await read(['[ ]'])).toEqual([]);
  });
});
