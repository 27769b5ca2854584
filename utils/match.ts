import type { MatchTable } from './detect';
import type { Adapter } from './schema/adapter';
import type { Runbook } from './schema/runbook';
import { siteIncludes } from './sites';

export const MATCH_TABLE_VERSION = 1;

/**
 * The slice of every adapter that content scripts need to recognise a page. An
 * adapter's self-hosted paths apply on each site the person allowed (`sites`, origins).
 */
export function buildMatchTable(adapters: readonly Adapter[], sites: readonly string[] = []): MatchTable {
  return {
    version: MATCH_TABLE_VERSION,
    adapters: adapters.map((a) => ({
      id: a.id,
      include: [...a.match.include, ...sites.flatMap((site) => a.match.selfHosted.flatMap((path) => siteIncludes(site, path)))],
      exclude: a.match.exclude,
      present: a.match.present,
      absent: a.match.absent,
    })),
  };
}

export interface RankedRunbook {
  runbook: Runbook;
  score: number;
  /** Written for this very tool (not only "any"). */
  specific: boolean;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9@._-]+/)
    .filter((w) => w.length > 1);
}

/**
 * Orders runbooks for a page: ones written for this tool first, then general ones;
 * a search query keeps only runbooks mentioning every word and favours title hits.
 */
export function rankRunbooks(runbooks: readonly Runbook[], adapterId: string | null, query = ''): RankedRunbook[] {
  const terms = words(query);
  const ranked: RankedRunbook[] = [];
  for (const runbook of runbooks) {
    const specific = adapterId !== null && runbook.tools.includes(adapterId);
    if (!specific && !runbook.tools.includes('any')) continue;
    let score = specific ? 100 : 50;
    if (terms.length > 0) {
      const title = runbook.title.toLowerCase();
      const haystack = [runbook.title, runbook.summary, runbook.tags.join(' '), runbook.terms.join(' ')]
        .join(' ')
        .toLowerCase();
      if (!terms.every((t) => haystack.includes(t))) continue;
      score += terms.filter((t) => title.includes(t)).length * 10;
    }
    ranked.push({ runbook, score, specific });
  }
  return ranked.sort((a, b) => b.score - a.score || a.runbook.title.localeCompare(b.runbook.title));
}
