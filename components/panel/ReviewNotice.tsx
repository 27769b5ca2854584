import { dueDetail, reviewSentence, reviewStatus, type Reviewable } from '../../utils/review/staleness';

/**
 * Under a runbook's title: who looks after it and when they last checked it —
 * quietly while it's fresh, plainly once it's due. `now` is injectable for tests.
 */
export function ReviewNotice({ item, now = Date.now() }: { item: Reviewable; now?: number }) {
  const status = reviewStatus(item, now);
  const sentence = reviewSentence(status);
  if (!sentence) return null;
  if (status.state === 'due') {
    return (
      <div class="review-note is-due" role="note" data-testid="review-notice" data-state="due">
        <strong>{sentence}</strong>
        <span class="small"> {dueDetail(status)} The steps may no longer match the console.</span>
      </div>
    );
  }
  return (
    <p class="review-note muted small" data-testid="review-notice" data-state={status.state}>
      {sentence}
    </p>
  );
}
