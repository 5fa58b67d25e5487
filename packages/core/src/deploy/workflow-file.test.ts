import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.js';
import { parseWorkflowFile, runNameShows } from './workflow-file.js';
import { compareInputs, renderInputs } from './workflow-inputs.js';

const examples = join(import.meta.dirname, '../config/examples');

describe('parseWorkflowFile', () => {
  it('reads the dispatch trigger in each of its spellings', () => {
    expect(parseWorkflowFile('on: workflow_dispatch\njobs: {}\n').hasDispatchTrigger).toBe(true);
    expect(parseWorkflowFile('on: [push, workflow_dispatch]\n').hasDispatchTrigger).toBe(true);
    expect(parseWorkflowFile('on:\n  workflow_dispatch:\n  push: {}\n').hasDispatchTrigger).toBe(true);
    expect(parseWorkflowFile('on:\n  push:\n    branches: [main]\n').hasDispatchTrigger).toBe(false);
  });

  it('lists the declared inputs with required and default', () => {
    const file = parseWorkflowFile('on:\n  workflow_dispatch:\n    inputs:\n      env: { required: true }\n      dry: { type: boolean, default: false }\n');
    expect([...file.inputs]).toEqual([['env', { required: true }], ['dry', { required: false, default: 'false' }]]);
  });

  it('sees an input in run-name through inputs.x or github.event.inputs.x only', () => {
    expect(runNameShows('Deploy ${{ inputs.shipgate_id }}', 'shipgate_id')).toBe(true);
    expect(runNameShows('Deploy ${{ github.event.inputs.shipgate_id }}', 'shipgate_id')).toBe(true);
    expect(runNameShows('Deploy ${{ inputs.shipgate_id_2 }}', 'shipgate_id')).toBe(false);
    expect(runNameShows('Deploy shipgate_id', 'shipgate_id')).toBe(false);
  });
});

describe('the github-actions example and its workflow', () => {
  it('agree as written: every input sent is declared, every required one is sent, run-name shows the correlation input', () => {
    const config = parseConfig(readFileSync(join(examples, 'github-actions.shipgate.yaml'), 'utf8'), { file: 'github-actions.shipgate.yaml', defaultProject: 'x' }).deploy;
    const workflow = parseWorkflowFile(readFileSync(join(examples, 'workflows/deploy.yml'), 'utf8'));
    if (config.provider !== 'github-actions') throw new Error('the example must use github-actions');
    expect(workflow.hasDispatchTrigger).toBe(true);
    expect(compareInputs(config, workflow)).toMatchObject({ undeclared: [], missingRequired: [] });
    expect(runNameShows(workflow.runName, config.correlationInput!)).toBe(true);
    const target = { version: '2.7.0', tag: 'v2.7.0', commit: 'f'.repeat(40) };
    expect(renderInputs(config.inputs, target, '2.6.0')).toEqual({ environment: 'production', version: '2.7.0', dry_run: 'false' });
  });
});
