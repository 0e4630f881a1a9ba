import type { Command } from 'commander';
import { roles, tokenScopes } from '../../../platform/domain/roles.ts';
import type { CliRun } from '../../../platform/cli/cli-run.ts';

const actions = () => import('./admin-actions.ts');

export function registerAdminCommands(program: Command, run: CliRun): void {
  const user = program.command('user').description('manage user accounts');
  user
    .command('add')
    .description('give a person a role directly, creating the account if new (server administration, no invitation)')
    .requiredOption('--email <email>', 'e-mail address (the login name)')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--org <code>', 'organisation code, e.g. skd')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--password-stdin', 'read the initial password from standard input')
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        email: string;
        name: string;
        org: string;
        role: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => (await actions()).userAdd(run, opts),
    );

  user
    .command('invite')
    .description('invite a person to a role: they get a single-use link by e-mail and join when they accept it')
    .requiredOption('--email <email>', 'e-mail address to invite')
    .requiredOption('--org <code>', 'organisation code, e.g. skd')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--json', 'machine-readable output')
    .action(async (opts: { email: string; org: string; role: string; json?: boolean }) =>
      (await actions()).userInvite(run, opts),
    );

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create an API token for an organisation; the secret is printed once')
    .requiredOption('--org <code>', 'organisation code')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--scopes <list>', `comma-separated: ${Object.keys(tokenScopes).join(', ')}`)
    .option('--expires-days <n>', 'days until it expires')
    .option('--json', 'machine-readable output')
    .action(async (opts: { org: string; name: string; scopes: string; expiresDays?: string; json?: boolean }) =>
      (await actions()).tokenCreate(run, opts),
    );
  token
    .command('revoke')
    .description('revoke an API token')
    .argument('<id>', 'token id')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => (await actions()).tokenRevoke(run, id, opts));

  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('check the hash chain; exits 1 at the first tampered or missing row')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => (await actions()).auditVerify(run, opts));
}
