import { describe, expect, it } from 'vitest';
import { extractExample } from './extract-example.js';

describe('extractExample', () => {
  it('returns the body of the one ```ts example block, leaving other blocks alone', () => {
    const md = '# x\n```ts\nnot me\n```\n\n```ts example\nconst a = 1;\nconsole.log(a);\n```\n\n```sh\nnpm i x\n```\n';
    expect(extractExample(md)).toBe('const a = 1;\nconsole.log(a);\n');
  });

  it('refuses a README with no example, or with two', () => {
    expect(() => extractExample('# x\n```ts\nconst a = 1;\n```\n')).toThrow(/found 0/);
    expect(() => extractExample('```ts example\na\n```\n```ts example\nb\n```\n')).toThrow(/found 2/);
  });
});
