import { describe, expect, it } from 'vitest';
import { rankRunbooks } from '../../utils/match';
import { runbookSchema } from '../../utils/schema/runbook';

const make = (id: string, title: string, tools: string[], tags: string[] = []) =>
  runbookSchema.parse({ id, title, summary: `${title}.`, tools, tags, steps: [{ title: 'Step' }] });

const all = [
  make('general-one', 'Password reset check', ['any'], ['password']),
  make('github-only', 'GitHub token leak', ['github-audit-log'], ['token']),
  make('demo-only', 'Demo role change', ['acme-demo'], ['role']),
];

describe('rankRunbooks', () => {
  it('puts runbooks made for this tool first and hides other tools’ runbooks', () => {
    const ids = rankRunbooks(all, 'acme-demo').map((r) => r.runbook.id);
    expect(ids).toEqual(['demo-only', 'general-one']);
  });

  it('keeps only runbooks that mention every search word', () => {
    expect(rankRunbooks(all, 'acme-demo', 'password').map((r) => r.runbook.id)).toEqual(['general-one']);
    expect(rankRunbooks(all, 'acme-demo', 'password role')).toHaveLength(0);
  });
});
