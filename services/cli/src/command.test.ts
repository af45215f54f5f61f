import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from './command.ts';

describe('parseCommandArgs', () => {
  it('parses the options given, plus --log-level', () => {
    const { values, positionals } = parseCommandArgs(['list', '--tenant', 'chu-nord', '--json', '--log-level', 'debug'], { allowPositionals: true, options: { tenant: { type: 'string' }, json: { type: 'boolean' } } });
    expect(values).toEqual({ tenant: 'chu-nord', json: true, 'log-level': 'debug' });
    expect(positionals).toEqual(['list']);
  });

  it('turns every parsing mistake into cli.bad_arguments with node\'s message', () => {
    const options = { tenant: { type: 'string' } } as const;
    expect(() => parseCommandArgs(['--nope'], { options })).toThrow(expect.objectContaining({ code: 'cli.bad_arguments', message: expect.stringMatching(/^Unknown option '--nope'/) }));
    expect(() => parseCommandArgs(['--tenant'], { options })).toThrow(expect.objectContaining({ code: 'cli.bad_arguments', message: "Option '--tenant <value>' argument missing" }));
    expect(() => parseCommandArgs(['extra'], { options })).toThrow(expect.objectContaining({ code: 'cli.bad_arguments', message: expect.stringMatching(/^Unexpected argument 'extra'/) }));
  });
});
