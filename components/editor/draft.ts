import { browser } from 'wxt/browser';

/**
 * The editor's unsaved text, kept in storage.local (extension origin only) so a
 * closed tab or a crash never loses a team lead's work.
 */
export const EDITOR_DRAFT_KEY = 'editorDraft';

export interface EditorDraft {
  text: string;
  /** The text as it was loaded or last saved; the draft is "unsaved" while they differ. */
  base: string;
  /** What it started from, in words ("Blank runbook", a runbook's title). */
  startedFrom: string;
}

export async function loadDraft(): Promise<EditorDraft | null> {
  try {
    const value = (await browser.storage.local.get(EDITOR_DRAFT_KEY))[EDITOR_DRAFT_KEY] as Partial<EditorDraft> | undefined;
    if (!value || typeof value.text !== 'string' || typeof value.base !== 'string') return null;
    return { text: value.text, base: value.base, startedFrom: typeof value.startedFrom === 'string' ? value.startedFrom : 'Your draft' };
  } catch {
    return null;
  }
}

export function saveDraft(draft: EditorDraft): Promise<void> {
  return browser.storage.local.set({ [EDITOR_DRAFT_KEY]: draft }).catch(() => undefined);
}
