import { z } from 'zod';
import { adapterSchema } from '../schema/adapter';
import { httpsUrl } from '../schema/common';
import { eventKind } from '../schema/kinds';
import { glossaryEntry } from '../schema/glossary';
import { PACK_FORMAT_VERSION, escalationTemplate, packSchema } from '../schema/pack';
import { runbookInput, runbookSchema, stepAction } from '../schema/runbook';
import { schemaItself } from '../schema/lazy';

/**
 * The JSON Schema of a pack file, generated from the zod schema (the single source of
 * truth) so editors can autocomplete and check packs. It describes what a team lead
 * may write (io: 'input'), so fields with defaults are optional. Checks zod runs in
 * code — a pattern that compiles, unique ids, no "__proto__" keys, a link that is
 * really https — are stricter than what JSON Schema can say; the importer has the
 * last word.
 *
 * Regenerate docs/pack.schema.json with `npm run pack -- --schema`.
 */
/** A URN rather than a web address: the schema ships in the repository, not on a server. */
export const PACK_SCHEMA_ID = 'urn:trailguide:pack-schema:v1';
export const PACK_SCHEMA_DOC_PATH = 'docs/pack.schema.json';

/** Named parts become readable $defs instead of one deeply inlined tree. */
function namedParts() {
  const named = z.registry<{ id: string; title?: string; description?: string }>();
  // A lazily built schema (utils/schema/lazy.ts) is met both as its wrapper and as itself.
  const registry = {
    add: (schema: z.ZodType, meta: { id: string; title?: string; description?: string }) => {
      named.add(schema, meta);
      if (schemaItself(schema) !== schema) named.add(schemaItself(schema), meta);
    },
  };
  registry.add(runbookSchema, { id: 'Runbook', title: 'Runbook', description: 'One runbook: inputs, steps, outcomes, permission notes and escalation.' });
  registry.add(runbookInput, { id: 'RunbookInput', title: 'Runbook input', description: 'A value the agent types before the steps run, used as {{name}} in filters.' });
  registry.add(stepAction, { id: 'StepAction', title: 'Step action', description: 'What a step does on the page: navigate, fill, capture, highlight or escalate.' });
  registry.add(glossaryEntry, { id: 'GlossaryEntry', title: 'Glossary entry', description: 'An event code or key term in plain language.' });
  registry.add(adapterSchema, { id: 'Adapter', title: 'Site adapter', description: 'How Trailguide recognises one log tool and fills its filters.' });
  registry.add(eventKind, { id: 'EventKind', title: 'Event kind', description: 'What happened, in the words a support agent uses, shared by every log tool (runbooks name it as kind:<id>).' });
  registry.add(escalationTemplate, { id: 'EscalationTemplate', title: 'Escalation template', description: 'Where an escalation goes and how its title and body are written.' });
  return named;
}

export function packJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(packSchema, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: namedParts(),
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // The https check is a refinement zod cannot express; say it as a pattern.
      if (schemaItself(zodSchema) === schemaItself(httpsUrl)) jsonSchema.pattern = '^https://';
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: PACK_SCHEMA_ID,
    title: 'Trailguide pack',
    description: `A Trailguide pack (format version ${PACK_FORMAT_VERSION}): runbooks, glossary, site adapters and escalation templates. Build it from a folder with "npm run pack -- <folder>".`,
    ...rest,
  };
}

/** The exact text of docs/pack.schema.json (stable key order, trailing newline). */
export function packJsonSchemaText(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
