import type { CliArgs } from '../cli-args.js';
export async function demoCommand(_args: CliArgs): Promise<number> {
  return 1;
}
