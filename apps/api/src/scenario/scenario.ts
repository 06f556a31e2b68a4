import { plainToInstance, Type } from 'class-transformer';
import {
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { readFile } from 'node:fs/promises';

export class ScenarioStep {
  /** Unique in the scenario: with the scenario's name, the step's Idempotency-Key. */
  @Matches(/^[A-Za-z0-9._-]{1,100}$/)
  key: string;

  @Matches(/^[A-Z][A-Za-z]{1,60}$/)
  command: string;

  @IsObject()
  body: Record<string, unknown>;

  @IsOptional()
  @IsString()
  note?: string;
}

/** A bundled story told as the commands a Secretariat officer would send. */
export class Scenario {
  @Matches(/^[a-z0-9-]{1,60}$/)
  name: string;

  @IsString()
  title: string;

  @IsString()
  description: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ScenarioStep)
  steps: ScenarioStep[];
}

/** Reads and checks a scenario file; every mistake is named. */
export async function loadScenario(path: string): Promise<Scenario> {
  const scenario = plainToInstance(Scenario, JSON.parse(await readFile(path, 'utf8')) as object);
  const errors = validateSync(scenario);
  if (errors.length > 0)
    throw new Error(`${path} is not a valid scenario: ${JSON.stringify(errors.map((e) => e.toString()))}`);
  const keys = new Set<string>();
  for (const step of scenario.steps) {
    if (keys.has(step.key)) throw new Error(`${path}: step key ${step.key} is used twice`);
    keys.add(step.key);
  }
  return scenario;
}
