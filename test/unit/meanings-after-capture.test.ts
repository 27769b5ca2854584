import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plainError } from '../../utils/background/router';
import { codesSeen, codesWithoutMeaning, editMeanings, meaningTaughtFor, whoCanTeach, withMeaningChange } from '../../utils/builder/meanings';
import { meaningsWhere, teachLocalMeanings } from '../../utils/builder/meanings-local';
import { saveLocalAdapter } from '../../utils/builder/save-local';
import type { TrailguideDatabase } from '../../utils/db/database';
import type { CapturedRow } from '../../utils/db/records';
import { explainRow, glossaryMapFor } from '../../utils/engine/explain';
import { activePacksFromStore, importPackText, resetStoreForTests, saveLocalRunbook } from '../../utils/packs/store';
import type { Adapter } from '../../utils/schema/adapter';
import { freshDatabase, packText, taughtAdapter } from './packs-helpers';

function taught(id = 'helpdesk-activity'): Adapter {
  return { ...taughtAdapter(), id };
}

function row(action: string): CapturedRow {
  return { time: '2026-03-31T22:40:00.000Z', actor: 'alice@northwind.example', action, target: '', ip: '', result: '', raw: { action } };
}

const localAdapter = async (id = 'helpdesk-activity') => (await activePacksFromStore()).flatMap((p) => p.adapters).find((a) => a.id === id)!;

let database: TrailguideDatabase;
beforeEach(() => {
  resetStoreForTests();
  database = freshDatabase();
});
afterEach(() => vi.restoreAllMocks());

describe('which event codes of a capture still lack a meaning', () => {
  it('lists the codes nothing explains, most frequent first', () => {
    const seen = codesSeen(['Login', 'Export', 'Login', 'Role change', 'user.login', 'Export', 'Login'].map(row));
    const explained = new Set(['user.login', 'Role change']);
    expect(codesWithoutMeaning(seen, (code) => explained.has(code))).toEqual([
      { code: 'Login', count: 3 },
      { code: 'Export', count: 2 },
    ]);
    expect(codesWithoutMeaning(seen, () => true)).toEqual([]);
  });

  it('reads back what was taught for a code (meaning, risk, kind), case-insensitively, and nothing for an untaught one', () => {
    const adapter: Adapter = {
      ...taught(),
      glossary: [{ term: 'Login', meaning: 'A person signed in', risk: 'notable' }],
      kinds: { 'sign-in-failed': { codes: ['Login failed', 'Locked'] }, 'account-settings-changed': { codes: ['Role change'], where: { outcome: 'ok' } } },
    };
    expect(meaningTaughtFor(adapter, 'login')).toEqual({ code: 'login', meaning: 'A person signed in', risk: 'notable' });
    expect(meaningTaughtFor(adapter, 'Locked')).toEqual({ code: 'Locked', meaning: '', risk: 'routine', kind: 'sign-in-failed' });
    // A kind with conditions wasn't taught in the form, so the form doesn't claim it.
    expect(meaningTaughtFor(adapter, 'Role change')).toBeUndefined();
    expect(meaningTaughtFor(adapter, 'Export')).toBeUndefined();
  });

  it('keeps what the person writes per code, and takes a kind away when they choose none', () => {
    let values = withMeaningChange({}, 'Login', { meaning: 'A person signed in' });
    values = withMeaningChange(values, 'Login', { kind: 'sign-in' });
    values = withMeaningChange(values, 'Export', { risk: 'sensitive' });
    expect(values).toEqual({
      Login: { code: 'Login', meaning: 'A person signed in', risk: 'routine', kind: 'sign-in' },
      Export: { code: 'Export', meaning: '', risk: 'sensitive' },
    });
    expect(withMeaningChange(values, 'Login', { kind: undefined }).Login).toEqual({ code: 'Login', meaning: 'A person signed in', risk: 'routine' });
  });
});

describe('editing what was taught (the panel form)', () => {
  const before: Adapter = {
    ...taught(),
    glossary: [
      { term: 'Login', meaning: 'A person signed in', risk: 'routine' },
      { term: 'Export', meaning: 'Downloaded the tickets', risk: 'sensitive' },
    ],
    kinds: { 'sign-in-failed': { codes: ['Login failed', 'Locked'] }, 'account-settings-changed': 'Settings' },
    notes: 'Taught on the helpdesk.',
  };

  it('replaces a meaning, clears one (undo), moves a code out of a kind, and keeps everything else', () => {
    const result = editMeanings(before, [
      { code: 'Login', meaning: 'Signed in', risk: 'notable' },
      { code: 'Export', meaning: '', risk: 'routine' },
      { code: 'Locked', meaning: 'An account was locked', risk: 'sensitive' },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.adapter.glossary).toEqual([
      { term: 'Login', meaning: 'Signed in', risk: 'notable' },
      { term: 'Locked', meaning: 'An account was locked', risk: 'sensitive' },
    ]);
    expect(result.adapter.kinds).toEqual({ 'sign-in-failed': 'Login failed', 'account-settings-changed': 'Settings' });
    const { glossary: _g, kinds: _k, ...rest } = result.adapter;
    const { glossary: _bg, kinds: _bk, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(explainRow(row('Export'), glossaryMapFor(result.adapter))).toContain('not in the glossary yet');
    expect(explainRow(row('Login'), glossaryMapFor(result.adapter))).toBe('alice@northwind.example signed in (Login).');
  });

  it('refuses a meaning the adapter format can’t hold, naming the code', () => {
    const result = editMeanings(before, [{ code: 'Login', meaning: 'x'.repeat(1_001), risk: 'routine' }]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/“Login” can't be kept/);
  });
});

describe('who may teach a console its meanings', () => {
  it('says who to ask, with the pack’s owner when the adapter names one', () => {
    expect(whoCanTeach({ editable: false, packName: 'Support team', owner: 'Priya Shah', builtin: false })).toBe(
      'Meanings for this console come from the pack “Support team” — ask its owner, Priya Shah, to add them.',
    );
    expect(whoCanTeach({ editable: false, packName: 'Support team', builtin: false })).toContain('ask whoever looks after that pack to add them');
    expect(whoCanTeach({ editable: false, packName: 'Trailguide essentials', builtin: true })).toContain('come with Trailguide itself');
    expect(whoCanTeach({ editable: true, packName: 'My runbooks' })).toBe('');
  });
});

describe('saving meanings into the taught adapter (background)', () => {
  it('writes them into the local adapter’s glossary and kinds, keeping every other part of it and of the pack', async () => {
    await saveLocalRunbook({ id: 'mine', title: 'Mine', summary: 's', steps: [{ title: 't' }] });
    const saved = await saveLocalAdapter({ ...taught(), glossary: [{ term: 'Export', meaning: 'Downloaded tickets', risk: 'notable' }] });
    const original = await localAdapter();
    expect(await meaningsWhere('helpdesk-activity')).toEqual({ editable: true, packName: 'My runbooks' });

    const reply = await teachLocalMeanings('helpdesk-activity', [
      { code: 'Login', meaning: 'A person signed in', risk: 'routine' },
      { code: 'Login failed', meaning: '', risk: 'routine', kind: 'sign-in-failed' },
      { code: 'Role change', meaning: '', risk: 'routine' },
    ]);
    expect(reply).toMatchObject({ taught: 2, cleared: 0 });
    const after = await localAdapter();
    expect(after.glossary).toEqual([
      { term: 'Export', meaning: 'Downloaded tickets', risk: 'notable' },
      { term: 'Login', meaning: 'A person signed in', risk: 'routine' },
    ]);
    expect(after.kinds).toEqual({ 'sign-in-failed': 'Login failed' });
    expect({ ...after, glossary: [], kinds: {} }).toEqual({ ...original, glossary: [], kinds: {} });
    const local = (await activePacksFromStore()).find((p) => p.id === saved.packId)!;
    expect(local.runbooks.map((r) => r.id)).toEqual(['mine']);

    // Undo: the same form, emptied, takes the meaning away again.
    const undo = await teachLocalMeanings('helpdesk-activity', [{ code: 'Login', meaning: '', risk: 'routine' }]);
    expect(undo).toMatchObject({ taught: 0, cleared: 1 });
    expect((await localAdapter()).glossary.map((e) => e.term)).toEqual(['Export']);
  });

  it('refuses a pack’s adapter (built-in or a team’s), saying who can add them, and changes nothing', async () => {
    const builtin = await meaningsWhere('acme-demo');
    expect(builtin).toMatchObject({ editable: false, builtin: true });
    await expect(teachLocalMeanings('acme-demo', [{ code: 'user.login', meaning: 'forged', risk: 'routine' }])).rejects.toThrow(/come with Trailguide itself/);
    expect((await localAdapter('acme-demo')).glossary.find((e) => e.term === 'user.login')?.meaning).not.toBe('forged');

    const imported = await importPackText(packText({ id: 'support-team', name: 'Support team', adapters: [{ ...taught('team-helpdesk'), owner: 'Priya Shah' }] }));
    expect(imported).toMatchObject({ status: 'installed' });
    expect(await meaningsWhere('team-helpdesk')).toEqual({ editable: false, packName: 'Support team', owner: 'Priya Shah', builtin: false });
    await expect(teachLocalMeanings('team-helpdesk', [{ code: 'Login', meaning: 'Signed in', risk: 'routine' }])).rejects.toThrow(
      'Meanings for this console come from the pack “Support team” — ask its owner, Priya Shah, to add them.',
    );
    expect((await localAdapter('team-helpdesk')).glossary).toEqual([]);
    expect(await meaningsWhere('no-such-adapter')).toEqual({ editable: false, packName: null });
  });

  it('refuses when a pack installed later holds the copy in force (the taught one is hidden), so the rows would not change', async () => {
    await saveLocalAdapter(taught(), 1_000);
    await importPackText(packText({ id: 'support-team', name: 'Support team', adapters: [taught()] }), { now: 2_000 });
    expect(await meaningsWhere('helpdesk-activity')).toMatchObject({ editable: false, packName: 'Support team' });
    await expect(teachLocalMeanings('helpdesk-activity', [{ code: 'Login', meaning: 'Signed in', risk: 'routine' }])).rejects.toThrow(/Support team/);
  });

  it('a full disk fails plainly and loses nothing already taught', async () => {
    await saveLocalAdapter(taught());
    await teachLocalMeanings('helpdesk-activity', [{ code: 'Login', meaning: 'A person signed in', risk: 'routine' }]);
    const before = await localAdapter();
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(database.packs, 'put').mockImplementation(() => Promise.reject(quota()) as never);
    vi.spyOn(database.packs, 'bulkPut').mockImplementation(() => Promise.reject(quota()) as never);
    const failure = teachLocalMeanings('helpdesk-activity', [
      { code: 'Login', meaning: '', risk: 'routine' },
      { code: 'Export', meaning: 'Downloaded tickets', risk: 'sensitive' },
    ]);
    await expect(failure).rejects.toBeDefined();
    expect(plainError(await failure.catch((e: unknown) => e))).toMatch(/out of space for Trailguide\. Nothing was lost/);
    vi.restoreAllMocks();
    expect(await localAdapter()).toEqual(before);
  });

  it('refuses a meaning too long before touching the pack, naming the code', async () => {
    await saveLocalAdapter(taught());
    const before = await localAdapter();
    await expect(teachLocalMeanings('helpdesk-activity', [{ code: 'Login', meaning: 'x'.repeat(1_001), risk: 'routine' }])).rejects.toThrow(/“Login” can't be kept/);
    expect(await localAdapter()).toEqual(before);
  });
});
