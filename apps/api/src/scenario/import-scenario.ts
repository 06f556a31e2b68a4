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

/** A running engine, and the bearer token of the Secretariat officer who records the scenario. */
export type ScenarioTarget = string | { readonly url: string; readonly token?: string };

/**
 * Sends a scenario to a running engine over HTTP, as any user would, one command at a time.
 * Each step's Idempotency-Key is derived from the scenario and the step, so importing again is
 * answered from the log. After each step it waits until the process managers have followed it.
 * Recording needs the Secretariat's identity: pass `{ url, token }`, or a bare URL and the token
 * in `KURULTAI_TOKEN`.
 */
export async function importScenario(
  engine: ScenarioTarget,
  scenario: Scenario,
  onStep: (step: ScenarioStep, index: number, replayed: boolean) => void = () => {},
): Promise<ImportSummary> {
  // A bare URL (the command line's --url) sends the token of KURULTAI_TOKEN, if any.
  const { url: baseUrl, token } =
    typeof engine === 'string' ? { url: engine, token: process.env.KURULTAI_TOKEN } : engine;
  const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let recorded = 0;
  let replayed = 0;
  let headPosition = 0;
  for (const [index, step] of scenario.steps.entries()) {
    const response = await fetch(`${baseUrl}/api/commands/${step.command}`, {
      method: 'POST',
      headers: {
        ...authorization,
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
    await processesReached(baseUrl, reply.position, authorization);
    onStep(step, index, reply.replayed);
  }
  return { steps: scenario.steps.length, recorded, replayed, headPosition };
}

async function processesReached(
  baseUrl: string,
  position: number,
  headers: Record<string, string>,
): Promise<void> {
  const response = await fetch(`${baseUrl}/api/processes?minPosition=${position}`, { headers });
  if (response.status !== 200) throw new Error(`the process managers did not reach position ${position}`);
}
