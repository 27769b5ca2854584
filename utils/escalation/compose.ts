import type { CaseSettings } from '../cases/settings';
import type { EscalationFormat } from '../db/records';
import type { EscalationTemplate } from '../schema/pack';
import type { TicketConfig, TicketTarget } from './tickets';

/** What lands on the clipboard: the title on top for the written formats (JSON carries its own). */
export function clipboardText(format: EscalationFormat, title: string, body: string): string {
  if (format === 'json') return body;
  const heading = format === 'markdown' ? `# ${title}` : title;
  return `${heading}\n\n${body.trimEnd()}\n`;
}

/**
 * Which body a ticket gets: the text on screen, except JSON, which no ticket
 * form reads well — GitHub and Linear then get Markdown, Jira and e-mail plain text.
 */
export function ticketBodyFormat(target: TicketTarget, shown: EscalationFormat): EscalationFormat {
  if (shown !== 'json') return shown;
  return target === 'github' || target === 'linear' ? 'markdown' : 'text';
}

const ALL_TARGETS: TicketTarget[] = ['github', 'jira', 'linear', 'email'];

/** The ticket buttons to show: the template's targets (without "copy"), or all of them. */
export function ticketTargets(template: Pick<EscalationTemplate, 'targets'> | null | undefined): TicketTarget[] {
  if (!template) return ALL_TARGETS;
  return ALL_TARGETS.filter((target) => template.targets.includes(target));
}

/** The pack's template says where tickets go; settings fill in what it leaves open. */
export function ticketConfigFor(template: Partial<EscalationTemplate> | null | undefined, settings: CaseSettings): TicketConfig {
  const repo = template?.github?.repo ?? settings.githubRepo;
  const jira = template?.jira
    ? { baseUrl: template.jira.baseUrl, projectId: template.jira.projectId, issueTypeId: template.jira.issueTypeId ?? settings.jiraIssueTypeId }
    : settings.jiraBaseUrl && settings.jiraProjectId
      ? { baseUrl: settings.jiraBaseUrl, projectId: settings.jiraProjectId, issueTypeId: settings.jiraIssueTypeId }
      : undefined;
  return {
    github: repo ? { baseUrl: settings.githubBaseUrl, repo, labels: template?.github?.labels ?? [] } : undefined,
    jira,
    linear: { team: template?.linear?.team ?? settings.linearTeam },
    email: { to: template?.email?.to ?? settings.emailTo },
  };
}
