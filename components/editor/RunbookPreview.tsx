import type { Runbook } from '../../utils/schema/runbook';
import { Markdown } from '../common/Markdown';
import { describeAction } from '../panel/describe-action';

/** The runbook roughly as an agent will see it in the panel; Markdown goes through the one sanitiser. */
export function RunbookPreview({ runbook }: { runbook: Runbook }) {
  return (
    <article class="preview" data-testid="editor-preview">
      <h2 class="preview-title" data-testid="editor-preview-title">{runbook.title}</h2>
      <p class="lede">{runbook.summary}</p>
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
                {!input.required && <span class="muted"> (optional)</span>}
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
