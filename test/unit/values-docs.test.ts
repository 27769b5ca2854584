import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDeepLink, linkForSearch } from '../../utils/engine/deep-link';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

/**
 * The YAML examples of docs/adapters.md's sections on links first, value maps, several and
 * repeated parameters and resets are what a team lead copies: each must parse as written and
 * do what the text around it says.
 */
const doc = readFileSync(resolve(__dirname, '../../docs/adapters.md'), 'utf8');

function examples(fromHeading: string, toHeading: string): Record<string, unknown>[] {
  const start = doc.indexOf(fromHeading);
  const end = doc.indexOf(toHeading, start + 1);
  expect(start, fromHeading).toBeGreaterThan(0);
  expect(end, toHeading).toBeGreaterThan(start);
  const blocks = [...doc.slice(start, end).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as Record<string, unknown>);
  expect(blocks.length).toBeGreaterThan(0);
  return blocks;
}

function asAdapter(example: Record<string, unknown>): Adapter {
  return adapterSchema.parse({
    id: 'docs-example',
    name: 'Docs example',
    vendor: 'Docs',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: ['https://console.example/*'], present: [['#log']] },
    deepLink: {},
    ...example,
  });
}

const page = 'https://console.example/admin/log?page=4';

describe('docs/adapters.md examples', () => {
  it('link first: searchBy parses, and a step the link carries whole goes by it', () => {
    const [example] = examples('#### Fill by the link first', '#### Value maps');
    const adapter = asAdapter({ ...example, fields: { actor: { url: { param: 'actor' } } } });
    expect(linkForSearch(adapter, page, { actor: 'dana' })?.url).toBe('https://console.example/admin/log?actor=dana');
  });

  it('value maps: Django’s action_flag, and a value not listed goes as it is only with otherValues: asIs', () => {
    const [example] = examples('#### Value maps', '#### One value into several parameters');
    const adapter = asAdapter(example!);
    expect(buildDeepLink(adapter, page, { action: 'Change' })?.url).toBe('https://console.example/admin/log?action_flag=2');
    expect(buildDeepLink(adapter, page, { action: 'Renamed' })?.unlisted).toEqual(['action']);
    expect(buildDeepLink(adapter, page, { target: 'Settings' })?.url).toBe('https://console.example/admin/log?object=app_settings');
    expect(buildDeepLink(adapter, page, { target: 'Billing' })?.url).toBe('https://console.example/admin/log?object=Billing');
  });

  it('several and repeated parameters, as the text says', () => {
    const [example] = examples('#### One value into several parameters', '#### A filter the console remembers');
    const adapter = asAdapter(example!);
    expect(buildDeepLink(adapter, page, { action: 'user.suspend' })?.url).toBe('https://console.example/admin/log?type=user&subtype=suspend&set_filter=1');
    const repeated = new URL(buildDeepLink(adapter, page, { tracker: 'Bug, Feature' })!.url).searchParams;
    expect(repeated.getAll('v[tracker_id][]')).toEqual(['1', '2']);
    expect(repeated.getAll('f[]')).toEqual(['tracker_id']);
  });

  it('resets: every field the step leaves out says "all"', () => {
    const [example] = examples('#### A filter the console remembers', '### `fields[*].dom`');
    const adapter = asAdapter(example!);
    expect([...new URL(buildDeepLink(adapter, page, { kind: 'News' })!.url).searchParams]).toEqual([
      ['show_news', '1'],
      ['event', 'all'],
      ['object', ''],
    ]);
  });
});
