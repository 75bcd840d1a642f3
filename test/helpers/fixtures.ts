import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file in test/fixtures. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** The parsed JSON of a fixture. */
export const readFixture = (name: string): unknown => JSON.parse(readFileSync(fixturePath(name), 'utf8'));

/** The documented connector template (seed 004), parsed. */
export const connectorTemplate = (): Record<string, unknown> => readFixture('connector-template.json') as Record<string, unknown>;

/** The general example (seed 000), parsed. */
export const generalExample = (): Record<string, unknown> => readFixture('general-example.json') as Record<string, unknown>;
