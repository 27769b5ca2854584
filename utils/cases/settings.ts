import { z } from 'zod';
import { db } from '../db/database';
import { guardWrite } from '../db/errors';
import { lazySchema } from '../schema/lazy';

/**
 * Settings for cases and escalations, one settings-table record per key.
 * Ticket targets set here fill what a pack's escalation template leaves open.
 */
const localOrHttpsUrl = lazySchema(() => z
  .string()
  .max(2_000)
  .refine((value) => {
    try {
      const url = new URL(value);
      // http only for a local stand-in (tests, a GitHub Enterprise tunnel on this machine).
      return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
    } catch {
      return false;
    }
  }, 'Use a full https:// address.'));

export const caseSettingsSchema = lazySchema(() => z.strictObject({
  /** Cases not touched for this many days are deleted; null keeps them forever. */
  retentionDays: z.number().int().min(1).max(3_650).nullable(),
  redactEmails: z.boolean(),
  redactIps: z.boolean(),
  /** Columns masked in escalations by default ("actor", "ip", or a page column name). */
  redactColumns: z.array(z.string().min(1).max(80)).max(40),
  /** Who is escalating, as it should appear in the ticket. */
  agentName: z.string().max(100),
  /** How many rows an escalation shows before "and N more". */
  escalationRowLimit: z.number().int().min(1).max(1_000),
  githubBaseUrl: localOrHttpsUrl,
  githubRepo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'Use owner/name.').nullable(),
  jiraBaseUrl: localOrHttpsUrl.nullable(),
  jiraProjectId: z.string().max(40).nullable(),
  jiraIssueTypeId: z.string().max(40).nullable(),
  linearTeam: z.string().max(40).nullable(),
  emailTo: z.email().max(320).nullable(),
}));
export type CaseSettings = z.infer<typeof caseSettingsSchema>;
export const caseSettingsPatch = lazySchema(() => caseSettingsSchema.partial());
export type CaseSettingsPatch = z.infer<typeof caseSettingsPatch>;

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  retentionDays: null,
  redactEmails: false,
  redactIps: false,
  redactColumns: [],
  agentName: '',
  escalationRowLimit: 50,
  githubBaseUrl: 'https://github.com',
  githubRepo: null,
  jiraBaseUrl: null,
  jiraProjectId: null,
  jiraIssueTypeId: null,
  linearTeam: null,
  emailTo: null,
};

const KEYS = Object.keys(DEFAULT_CASE_SETTINGS) as (keyof CaseSettings)[];

/** Stored values that no longer fit the schema fall back to the default, one key at a time. */
export async function getSettings(): Promise<CaseSettings> {
  const records = await db().settings.bulkGet(KEYS);
  const settings: Record<string, unknown> = { ...DEFAULT_CASE_SETTINGS };
  KEYS.forEach((key, index) => {
    const record = records[index];
    if (!record) return;
    const parsed = caseSettingsSchema.shape[key].safeParse(record.value);
    if (parsed.success) settings[key] = parsed.data;
  });
  return settings as CaseSettings;
}

export async function setSettings(patch: CaseSettingsPatch): Promise<CaseSettings> {
  const valid = caseSettingsPatch.parse(patch);
  const entries = Object.entries(valid).filter(([, value]) => value !== undefined);
  await guardWrite(() => db().settings.bulkPut(entries.map(([key, value]) => ({ key, value }))));
  return getSettings();
}
