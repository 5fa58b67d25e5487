// The inputs a dispatch sends: exactly the ones deploy.inputs (and, for a rollback,
// deploy.rollbackInputs) name — GitHub answers 422 to any input the workflow does not declare —
// with `{{version}}`, `{{tag}}`, `{{commit}}` and `{{previousVersion}}` filled in.
import type { GithubActionsDeployConfig } from '../config/config-types.js';
import type { ReleaseTarget } from './deploy-provider.js';
import type { WorkflowFile } from './workflow-file.js';

const PLACEHOLDER = /\{\{\s*(version|tag|commit|previousVersion)\s*\}\}/g;

export function renderInputs(inputs: Record<string, string>, target: ReleaseTarget, previousVersion: string): Record<string, string> {
  const values = { version: target.version, tag: target.tag, commit: target.commit, previousVersion };
  return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, value.replace(PLACEHOLDER, (_m, key: keyof typeof values) => values[key])]));
}

/** Every input name a dispatch of this configuration may send (deploy, rollback, correlation). */
export function configuredInputNames(config: GithubActionsDeployConfig): string[] {
  return [...new Set([...Object.keys(config.inputs), ...Object.keys(config.rollbackInputs), ...(config.correlationInput ? [config.correlationInput] : [])])];
}

export interface InputComparison {
  /** Sent but not declared: GitHub would refuse the dispatch (422 Unexpected inputs). */
  undeclared: string[];
  /** Declared as required without a default, and not sent: GitHub would refuse (422 Required input). */
  missingRequired: string[];
  /** Declared and sent. */
  sent: string[];
  /** Declared, optional, not sent (the workflow's default applies). */
  notSent: string[];
}

export function compareInputs(config: GithubActionsDeployConfig, file: WorkflowFile): InputComparison {
  const names = configuredInputNames(config);
  // rollbackInputs go to the rollback run only: a required input must be in the deploy's own inputs
  const deployNames = [...Object.keys(config.inputs), ...(config.correlationInput ? [config.correlationInput] : [])];
  const declared = [...file.inputs.keys()];
  const isRequired = (name: string) => file.inputs.get(name)!.required && file.inputs.get(name)!.default === undefined;
  return {
    undeclared: names.filter((name) => !file.inputs.has(name)),
    missingRequired: declared.filter((name) => isRequired(name) && !deployNames.includes(name)),
    sent: declared.filter((name) => names.includes(name)),
    notSent: declared.filter((name) => !names.includes(name) && !isRequired(name)),
  };
}
