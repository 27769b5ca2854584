import type { Adapter } from '../../utils/schema/adapter';
import type { Runbook } from '../../utils/schema/runbook';
import type { PackInput } from '../../utils/schema/pack';
import type { CapturedRow } from '../../utils/db/database';

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  some<T>(list: readonly T[], min: number, max: number): T[];
}
export function makeRandom(seed: number): Random;
export function generateAdapters(count: number, seed?: number): Adapter[];
export function generateRunbooks(count: number, seed?: number, adapterIds?: readonly string[]): Runbook[];
export function generateGlossary(count: number, seed?: number): NonNullable<PackInput['glossary']>;
export function generatePack(options: { targetBytes: number; seed?: number }): PackInput;
export function generatePackText(options: { targetBytes: number; seed?: number }): string;
export function generateAuditRows(count: number, seed?: number): string;
export function generateAuditPage(count: number, seed?: number): string;
export function generateCapturedRows(count: number, seed?: number): CapturedRow[];
export function generateHeavyPage(options: { perSecond?: number; batch?: number; fingerprint?: boolean }): string;
