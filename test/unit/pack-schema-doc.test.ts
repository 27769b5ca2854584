import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_SCHEMA_DOC_PATH, packJsonSchema, packJsonSchemaText } from '../../utils/pack/json-schema';
import { packSchema } from '../../utils/schema/pack';
import { runbookSchema } from '../../utils/schema/runbook';

const docPath = resolve(__dirname, '../..', PACK_SCHEMA_DOC_PATH);

type JsonSchemaObject = { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: unknown };

describe('docs/pack.schema.json', () => {
  it('matches the zod schema (regenerate with: npm run pack -- --schema)', () => {
    const onDisk = readFileSync(docPath, 'utf8');
    // A plain equality keeps the failure readable; the message says how to fix it.
    expect(onDisk === packJsonSchemaText(), `${PACK_SCHEMA_DOC_PATH} is out of date. Run: npm run pack -- --schema`).toBe(true);
  });

  it('describes every top-level pack field and refuses unknown ones', () => {
    const schema = packJsonSchema() as JsonSchemaObject;
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys(packSchema.shape).sort());
    expect(schema.additionalProperties).toBe(false);
    // io: 'input' — fields with defaults are optional for the author.
    expect(schema.required?.sort()).toEqual(['format', 'formatVersion', 'id', 'name', 'version']);
  });

  it('names the runbook definition and keeps its fields', () => {
    const defs = (packJsonSchema() as { $defs?: Record<string, JsonSchemaObject> }).$defs ?? {};
    expect(Object.keys(defs)).toEqual(expect.arrayContaining(['Runbook', 'GlossaryEntry', 'Adapter', 'EscalationTemplate']));
    expect(Object.keys(defs.Runbook?.properties ?? {}).sort()).toEqual(Object.keys(runbookSchema.shape).sort());
    expect(defs.Runbook?.required?.sort()).toEqual(['id', 'steps', 'summary', 'title']);
  });

  it('says links must be https', () => {
    const homepage = (packJsonSchema() as JsonSchemaObject).properties?.homepage as { pattern?: string };
    expect(homepage.pattern).toBe('^https://');
  });
});
