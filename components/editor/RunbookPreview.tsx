import { describeCondition } from '../../utils/runbook/branches';
import type { Runbook } from '../../utils/schema/runbook';
import { Markdown } from '../common/Markdown';
import { describeAction } from '../panel/describe-action';
import { ReviewNotice } from '../panel/ReviewNotice';
import { needsOptionalMark } from '../../utils/runbook/optional-mark';

/** "→ step 3 (Tell the customer)" or "→ ends: The customer changed it themself". */
function whereTo(runbook: Runbook, link: { next?: string | undefined; outcome?: string | undefined }): string {
  if (link.next !== undefined) {
    const index = runbook.steps.findIndex((s) => s.id === link.next);
    return index < 0 ? `→ "${link.next}" (no step has this id)` : `→ step ${index + 1} (${runbook.steps[index]!.title})`;
  }
  const outcome = runbook.outcomes.find((o) => o.id === link.outcome);
  return outcome ? `→ ends: ${outcome.when}` : `→ outcome "${link.outcome ?? ''}" (no outcome has this id)`;
}

/** A step's question and where each answer leads, as a team lead checks it before sharing. */
function BranchPreview({ runbook, index }: { runbook: Runbook; index: number }) {
  const branch = runbook.steps[index]!.branch!;
  return (
    <div class="preview-branch" data-testid="editor-preview-branch">
      <p>
        <strong>Asks:</strong> {branch.question}
      </p>
      <ul>
        {branch.answers.map((answer, i) => (
          <li key={i} data-testid="editor-preview-answer">
            “{answer.answer}” {whereTo(runbook, answer)}
            {answer.if && <span class="muted"> — Trailguide picks it when {describeCondition(answer.if, { values: {} }).replace(' (not filled in yet)', '')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The runbook roughly as an agent will see it in the panel; Markdown goes through the one sanitiser. */
export function RunbookPreview({ runbook }: { runbook: Runbook }) {
  return (
    <article class="preview" data-testid="editor-preview">
      <h2 class="preview-title" data-testid="editor-preview-title">{runbook.title}</h2>
      <p class="lede">{runbook.summary}</p>
      <ReviewNotice item={runbook} />
      {runbook.tags.length > 0 && (
        <p class="preview-tags">
          {runbook.tags.map((t) => (
            <span key={t} class="badge">{t}</span>
          ))}
        </p>
      )}
      {runbook.inputs.length > 0 && (
        <section class="card">
          <h3>What the agent fills in</h3>
          <ul>
            {runbook.inputs.map((input) => (
              <li key={input.name}>
                {input.label}
                {needsOptionalMark(input) && <span class="muted"> (optional)</span>}
                {input.example && <span class="muted"> — e.g. <code>{input.example}</code></span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="card">
        <h3>Steps</h3>
        <ol class="preview-steps">
          {runbook.steps.map((step, index) => (
            <li key={index}>
              <strong>{step.title}</strong>
              {step.text && <Markdown source={step.text} />}
              {step.action && <p class="step-action-note">{describeAction(step.action)}</p>}
              {step.branch && <BranchPreview runbook={runbook} index={index} />}
              {!step.branch && (step.next !== undefined || step.outcome !== undefined) && <p class="muted small">Then {whereTo(runbook, step)}</p>}
            </li>
          ))}
        </ol>
      </section>
      {runbook.outcomes.length > 0 && (
        <section class="card">
          <h3>What it means</h3>
          <dl class="preview-outcomes">
            {runbook.outcomes.map((o, i) => (
              <div key={i}>
                <dt>
                  {o.when}
                  {o.escalate && <span class="escalate-flag"> — escalate</span>}
                </dt>
                <dd>
                  <Markdown source={o.meaning} />
                  {o.next && <Markdown source={o.next} />}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {runbook.permissions.length > 0 && (
        <section class="card">
          <h3>Who can see what</h3>
          <dl>
            {runbook.permissions.map((p, i) => (
              <div key={i}>
                <dt>{p.role}</dt>
                <dd>
                  <Markdown source={p.sees} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {runbook.guide && (
        <section class="card">
          <h3>Reading guide</h3>
          <Markdown source={runbook.guide} />
        </section>
      )}
    </article>
  );
}
