import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackFromFiles } from '../../utils/pack/build';
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

describe('docs/packs.md', () => {
  const guide = readFileSync(resolve(__dirname, '../../docs/packs.md'), 'utf8');

  /** The fenced block right after a "### `file`" heading of the complete example. */
  function exampleFile(name: string): string {
    const heading = guide.indexOf(`### \`${name}\``);
    if (heading < 0) throw new Error(`docs/packs.md has no example for ${name}`);
    const open = guide.indexOf('```', heading);
    const bodyStart = guide.indexOf('\n', open) + 1;
    const close = guide.indexOf('\n```\n', bodyStart);
    return `${guide.slice(bodyStart, close)}\n`;
  }


  it('has a complete example pack that builds, so the guide never teaches a broken pack', () => {
    const files = Object.fromEntries(['pack.yaml', 'mfa-removed.md', 'glossary.yaml'].map((name) => [name, exampleFile(name)]));
    const result = buildPackFromFiles(files);
    if (!result.ok) throw new Error(`${result.file} ${result.field ?? ''}: ${result.message}`);
    expect(result.pack.runbooks[0]?.id).toBe('mfa-removed');
    expect(result.pack.runbooks[0]?.guide.startsWith('## How to read this log')).toBe(true);
    const glossary = new Set(result.pack.glossary.map((entry) => entry.term));
    expect(result.pack.runbooks[0]?.terms.every((term) => glossary.has(term))).toBe(true);
  });
});
