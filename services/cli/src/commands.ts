import type { Command } from './command.ts';
import { apiKeysCommand } from './api-keys.command.ts';
import { findingsCommand } from './findings.command.ts';
import { jobsCommand } from './jobs.command.ts';
import { recheckCommand } from './maintenance.command.ts';
import { migrateCommand } from './migrate.command.ts';
import { registryCommand } from './registry.command.ts';
import { reviewCommand } from './review.command.ts';
import { tenantsCommand } from './tenants.command.ts';
import { webhooksCommand } from './webhooks.command.ts';

/** Every `hds` command. Add a command: one file exporting a Command, one line here. */
export const COMMANDS: Command[] = [reviewCommand, migrateCommand, jobsCommand, tenantsCommand, apiKeysCommand, registryCommand, recheckCommand, findingsCommand, webhooksCommand];
