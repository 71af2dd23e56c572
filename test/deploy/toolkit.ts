/**
 * The Agents Toolkit project files as the deploy tests read them: m365agents*.yml, env/.env.*,
 * and the toolkit's `${{NAME}}` placeholders.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { parse } from 'yaml';
import { placeholdersIn } from '../../scripts/app-package.js';
import { ROOT, TEMPLATE } from './template.js';

export interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  writeToEnvironmentFile?: Record<string, string>;
}
export interface ProjectFile {
  version: string;
  environmentFolderPath?: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}
export const STAGES = ['provision', 'deploy', 'publish'] as const;

export function readText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export function projectFile(name: string): ProjectFile {
  return parse(readText(name)) as ProjectFile;
}

export function envFile(environment: string): Record<string, string> {
  return parseEnv(readText(`env/.env.${environment}`)) as Record<string, string>;
}

/** Variables the toolkit itself sets, whatever the project says. */
export const TOOLKIT_VARIABLES = [
  'TEAMSFX_ENV',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP_NAME',
];

/** Every placeholder in an action's inputs (its `with` and `env`), each once. */
export function placeholdersOf(action: Action): string[] {
  return placeholdersIn(JSON.stringify([action.with ?? {}, action.env ?? {}]));
}

/** What an action writes to the environment file when it has run. */
export function writtenBy(action: Action): string[] {
  const written = Object.values(action.writeToEnvironmentFile ?? {});
  // arm/deploy writes each output of its templates under the output's name.
  if (action.uses === 'arm/deploy') written.push(...TEMPLATE.outputs.keys());
  return written;
}

/**
 * The placeholders an environment's actions use before anything defines them: not set by the
 * toolkit, not in env/.env.<environment> (or its .user file, for SECRET_ names), not written by
 * an earlier action. Stages run in the order provision, deploy, publish, each keeping the last's.
 */
export function undefinedPlaceholders(file: ProjectFile, envKeys: readonly string[]): string[] {
  const defined = new Set([...TOOLKIT_VARIABLES, ...envKeys]);
  const missing: string[] = [];
  for (const stage of STAGES) {
    for (const action of file[stage] ?? []) {
      for (const name of placeholdersOf(action))
        if (!defined.has(name)) missing.push(`${stage} ${action.uses}: ${name}`);
      for (const name of writtenBy(action)) defined.add(name);
    }
  }
  return missing;
}
