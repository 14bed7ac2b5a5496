import type { CommandArgs } from './command.js';
import { UsageError } from './usage-error.js';

/**
 * A string option, or undefined when absent.
 *
 * @example const connection = optionalString(args, 'connection');
 */
export function optionalString(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A string option that must be there (not empty); its absence is a usage error.
 *
 * @example const email = requiredString(args, 'email');
 */
export function requiredString(args: CommandArgs, name: string): string {
  const value = optionalString(args, name);
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}
