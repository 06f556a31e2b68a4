import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { importScenario, type ImportSummary } from '../../../api/src/scenario/import-scenario.js';
import { loadScenario } from '../../../api/src/scenario/scenario.js';
import { CliError, EXIT, NO_PROGRESS, type Progress } from '../support.js';

/** The bundled scenario, looked up from the working folder (the repository). */
export const BUNDLED_SCENARIO = join('scenarios', 'ots-diaspora-2022-2025.json');

/** Sends a scenario's steps to a running engine over HTTP (idempotent: a second import writes nothing). */
export async function importScenarioFile(
  url: string,
  file: string = BUNDLED_SCENARIO,
  progress: Progress = NO_PROGRESS,
): Promise<ImportSummary> {
  if (!existsSync(file)) throw new CliError(`there is no scenario at ${file}`, EXIT.notFound);
  let scenario;
  try {
    scenario = await loadScenario(file);
  } catch (error) {
    throw new CliError(`${file} is not a valid scenario: ${(error as Error).message}`, EXIT.usage);
  }
  progress.start(scenario.steps.length, 0);
  try {
    return await importScenario(url, scenario, (_step, index) => progress.update(index + 1));
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (error instanceof TypeError && code)
      throw new CliError(`cannot reach the engine at ${url}: ${code}`, EXIT.engine);
    if (error instanceof Error && error.name === 'ScenarioStepRefused')
      throw new CliError(error.message, EXIT.engine);
    throw error;
  } finally {
    progress.stop();
  }
}
