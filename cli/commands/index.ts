import type { Command } from 'commander';

/**
 * Every command group registers itself here, one line each, so the command tree stays easy to read.
 */
export function registerCommands(_program: Command): void {}
