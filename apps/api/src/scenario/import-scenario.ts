import type { Scenario, ScenarioStep } from './scenario.js';

export interface ImportSummary {
  readonly steps: number;
  /** Steps that wrote events now. */
  readonly recorded: number;
  /** Steps already in the log from an earlier import: answered from it, nothing written. */
  readonly replayed: number;
  readonly headPosition: number;
}

/** A step the engine refused: the scenario must pass every rule, so the import stops there. */
export class ScenarioStepRefused extends Error {
  constructor(
    readonly step: ScenarioStep,
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`step ${step.key} (${step.command}) was refused with ${status}: ${JSON.stringify(problem)}`);
    this.name = 'ScenarioStepRefused';
  }
}

/**
 * Sends a scenario to a running engine over HTTP, as any user would, one command at a time.
 * Each step's Idempotency-Key is derived from the scenario and the step, so importing again is
 * answered from the log. After each step it waits until the process managers have followed it.
 */
export async function importScenario(
  baseUrl: string,
  scenario: Scenario,
  onStep: (step: ScenarioStep, index: number, replayed: boolean) => void = () => {},
): Promise<ImportSummary> {
  let recorded = 0;
  let replayed = 0;
  let headPosition = 0;
  for (const [index, step] of scenario.steps.entries()) {
    const response = await fetch(`${baseUrl}/api/commands/${step.command}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `scenario.${scenario.name}.${step.key}`,
        'x-correlation-id': `scenario.${scenario.name}`,
      },
      body: JSON.stringify(step.body),
    });
    const reply = (await response.json()) as { position: number; replayed: boolean };
    if (response.status !== 200) throw new ScenarioStepRefused(step, response.status, reply);
    if (reply.replayed) replayed++;
    else recorded++;
    headPosition = Math.max(headPosition, reply.position);
    await processesReached(baseUrl, reply.position);
    onStep(step, index, reply.replayed);
  }
  return { steps: scenario.steps.length, recorded, replayed, headPosition };
}

async function processesReached(baseUrl: string, position: number): Promise<void> {
  const response = await fetch(`${baseUrl}/api/processes?minPosition=${position}`);
  if (response.status !== 200) throw new Error(`the process managers did not reach position ${position}`);
}
