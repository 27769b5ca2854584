/** The two live regions every view uses: progress in [role=status], problems in [role=alert]. */
export function StatusLines({ status, alert, statusClass = 'small' }: { status: string | null; alert: string | null; statusClass?: string }) {
  return (
    <>
      <p role="status" class={statusClass}>
        {status}
      </p>
      {alert ? (
        <p role="alert" class="error">
          {alert}
        </p>
      ) : null}
    </>
  );
}
