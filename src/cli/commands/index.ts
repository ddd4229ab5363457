import { auditCommand } from './audit.ts';
import { credentialCommand } from './credential.ts';
import { importCommand } from './import.ts';
import { initCommand } from './init.ts';
import { policyCommand } from './policy.ts';
import { seedCommand } from './seed.ts';
import { migrateCommand, serveCommand } from './serve.ts';
import { startCommand } from './start.ts';
import type { Command } from './types.ts';
import { userCommand } from './user.ts';

export const commands: Record<string, Command> = {
  start: startCommand,
  serve: serveCommand,
  migrate: migrateCommand,
  init: initCommand,
  seed: seedCommand,
  user: userCommand,
  import: importCommand,
  policy: policyCommand,
  audit: auditCommand,
  credential: credentialCommand,
};
