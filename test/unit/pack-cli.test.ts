import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackFolder, runPackCommand } from '../../scripts/pack-command';
import { buildPackFromFiles, sourceFileOfField } from '../../utils/pack/build';
import { parsePackText } from '../../utils/pack/parse';

const runbook = (id: string, extra = '') => `---
id: ${id}
title: Check ${id}
summary: Looks at ${id}.
steps:
  - title: Open the log${extra}
---
## How to read this log
Rows are events.
`;

const PACK_YAML = 'id: team-pack\nname: Team pack\nversion: 1.2.0\n';

let dir: string;
let lines: { out: string[]; err: string[] };
const io = () => ({ out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l), cwd: dir, root: dir });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trailguide-pack-'));
  lines = { out: [], err: [] };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeFolder(files: Record<string, string>): string {
  const folder = join(dir, 'pack');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(resolve(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

describe('npm run pack', () => {
  it('builds a file the importer accepts', () => {
    writeFolder({ 'pack.yaml': PACK_YAML, 'a-one.md': runbook('a-one'), 'glossary.yaml': '- term: actor\n  meaning: Who did it.\n' });
    expect(runPackCommand(['pack', 'out.json'], io())).toBe(0);
    const parsed = parsePackText(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(parsed.ok && parsed.pack.runbooks.map((r) => r.id)).toEqual(['a-one']);
    expect(lines.out.join('\n')).toMatch(/Wrote out\.json: "Team pack" 1\.2\.0 with 1 runbooks, 1 glossary terms/);
  });

  it('names the file and the field when a runbook is broken, and exits 1', () => {
    writeFolder({ 'pack.yaml': PACK_YAML, 'a-one.md': runbook('a-one'), 'b-two.md': runbook('b-two', '\n    colour: red') });
    expect(runPackCommand(['pack', 'out.json'], io())).toBe(1);
    const message = lines.err.join('\n');
    expect(message).toContain(join('pack', 'b-two.md'));
    expect(message).toContain('field steps[0].colour');
    expect(message).toMatch(/does not know/);
  });

  it('names pack.yaml when the pack itself is wrong', () => {
    writeFolder({ 'pack.yaml': 'id: Team Pack\nname: Team pack\nversion: 1.2.0\n', 'a-one.md': runbook('a-one') });
    expect(runPackCommand(['pack'], io())).toBe(1);
    expect(lines.err.join('\n')).toMatch(/pack\.yaml, field id: .*lower-case letters/);
  });

  it('says when the folder is missing or the command is used wrongly', () => {
    expect(runPackCommand(['nowhere'], io())).toBe(1);
    expect(lines.err.join('\n')).toMatch(/couldn't find the folder "nowhere"/);
    expect(runPackCommand([], io())).toBe(2);
    expect(lines.err.join('\n')).toMatch(/Usage/);
  });

  it('regenerates the JSON Schema with --schema', () => {
    mkdirSync(join(dir, 'docs'));
    expect(runPackCommand(['--', '--schema'], io())).toBe(0);
    const schema = JSON.parse(readFileSync(join(dir, 'docs/pack.schema.json'), 'utf8')) as { title: string };
    expect(schema.title).toBe('Trailguide pack');
  });

  it('reads only top-level runbooks and adapters/*.yaml', () => {
    const folder = writeFolder({ 'pack.yaml': PACK_YAML, 'a-one.md': runbook('a-one'), 'notes/x.md': 'ignored', 'adapters/x.yaml': 'id: x', 'logo.png': 'x' });
    expect(Object.keys(readPackFolder(folder)).sort()).toEqual(['a-one.md', 'adapters/x.yaml', 'pack.yaml']);
  });
});

describe('buildPackFromFiles', () => {
  it('maps an assembled-pack field back to its source file', () => {
    const files = { 'pack.yaml': PACK_YAML, 'b.md': '', 'a.md': '', 'README.md': '', 'glossary.yaml': '', 'adapters/z.yaml': '' };
    expect(sourceFileOfField(files, 'runbooks[1].steps[0]')).toBe('b.md');
    expect(sourceFileOfField(files, 'adapters[0].id')).toBe('adapters/z.yaml');
    expect(sourceFileOfField(files, 'glossary[3].term')).toBe('glossary.yaml');
    expect(sourceFileOfField(files, 'version')).toBe('pack.yaml');
  });

  it('reports front matter problems with the file name', () => {
    const result = buildPackFromFiles({ 'pack.yaml': PACK_YAML, 'broken.md': '# no front matter' });
    expect(result).toMatchObject({ ok: false, file: 'broken.md' });
    if (!result.ok) expect(result.message).toMatch(/front matter/);
  });
});
