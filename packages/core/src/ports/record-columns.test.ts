import { describe, expect, it } from 'vitest';
import { columnsFromRecord, recordFromColumns } from './record-columns.js';

interface Sample {
  readonly id: string;
  readonly count: number;
  readonly note?: string;
  readonly done?: boolean;
}

describe('record columns', () => {
  it('turns NULL columns into absent fields, keeping false and 0', () => {
    const record = recordFromColumns<Sample>({ id: 'a', count: 0, note: null, done: false });
    expect(record).toEqual({ id: 'a', count: 0, done: false });
    expect(record).not.toHaveProperty('note');
  });

  it('turns absent fields into NULL columns, in the order named', () => {
    const columns = columnsFromRecord<Sample, keyof Sample>({ id: 'a', count: 2 }, ['note', 'id', 'count', 'done']);
    expect(columns).toEqual({ note: null, id: 'a', count: 2, done: null });
    expect(Object.keys(columns)).toEqual(['note', 'id', 'count', 'done']);
  });
});
