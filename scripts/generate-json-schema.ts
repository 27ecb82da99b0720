/**
 * Writes docs/minxin.programme.v1.schema.json from the zod schema of the
 * interchange format, so that people and other tools can validate documents
 * without reading TypeScript.
 *
 *   node --import tsx scripts/generate-json-schema.ts
 *
 * src/core/interchange.test.ts regenerates the schema in memory and compares
 * it with the committed file, so the file cannot drift from the code.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { itemSchema, PROGRAMME_FORMAT, programmeDocumentSchema } from '../src/core/interchange.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the generated schema lives, relative to the repository root. */
export const JSON_SCHEMA_RELATIVE_PATH = 'docs/minxin.programme.v1.schema.json';
export const JSON_SCHEMA_PATH = resolve(repoRoot, JSON_SCHEMA_RELATIVE_PATH);

/** The JSON Schema (draft 2020-12) of `minxin.programme/v1`, as a plain object. */
export function buildProgrammeJsonSchema(): Record<string, unknown> {
  // A private registry so the recursive item gets a readable name in $defs
  // ("#/$defs/item" rather than "#/$defs/__schema0") without touching the
  // global registry other code may use.
  const metadata = z.registry<{ id?: string | undefined }>();
  metadata.add(itemSchema, { id: 'item' });
  const generated = z.toJSONSchema(programmeDocumentSchema, {
    metadata,
    target: 'draft-2020-12',
    // Describe what a producer may send: optional fields stay optional.
    io: 'input',
    // The item schema is recursive (children are items): emit it once under
    // $defs and point at it with $ref instead of failing on the cycle.
    cycles: 'ref',
    reused: 'inline',
    // Refinements (the "no such date" check) have no JSON Schema form; they
    // are left out, the YYYY-MM-DD pattern stays.
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: 'https://minxin.example/schemas/minxin.programme.v1.schema.json',
    title: PROGRAMME_FORMAT,
    description:
      'The interchange format of Minxin (民心工程): one annual programme with its categories, items, ' +
      'milestones and indicators. Generated from src/core/interchange.ts by scripts/generate-json-schema.ts; ' +
      'see docs/interchange.md. Do not edit by hand.',
    ...rest,
  };
}

/** The exact text of the committed file (2-space indentation, trailing newline). */
export function renderProgrammeJsonSchema(): string {
  return `${JSON.stringify(buildProgrammeJsonSchema(), null, 2)}\n`;
}

function main(): void {
  writeFileSync(JSON_SCHEMA_PATH, renderProgrammeJsonSchema(), 'utf8');
  console.log(`wrote ${JSON_SCHEMA_RELATIVE_PATH}`);
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  main();
}
