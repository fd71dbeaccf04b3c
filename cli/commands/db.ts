import type { Command } from 'commander';
import { addOutputOptions, type OutputOptions, outputFormat, printResult } from '../output.js';

/** `microstax db migrate`: the one command that changes the metadata database's schema on purpose. */
export function register(program: Command): void {
  const db = program.command('db').description('the metadata database: migrate it explicitly');
  addOutputOptions(
    db
      .command('migrate')
      .description("apply the pending schema migrations to DATABASE_URL (the local stack's when unset)"),
  )
    .addHelpText(
      'after',
      '\nSafe to repeat: applied migrations are skipped, and a lock keeps two runs from racing.\n`token` commands never migrate: they refuse a database with pending migrations and name this command.',
    )
    .action(async (opts: OutputOptions) => {
      const { openMetadataDatabase } = await import('../metadata-database.js');
      const { migrateUp } = await import('../../store/migrate.js');
      const { databaseUrl, display } = await openMetadataDatabase();
      const applied = await migrateUp({ databaseUrl });
      await printResult(outputFormat(opts), {
        document: { ok: true, database: display, applied },
        table: () =>
          applied.length === 0 ? `${display}: up to date` : `${display}: applied ${applied.join(', ')}`,
        names: () => applied,
      });
    });
}
