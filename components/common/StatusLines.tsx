/** The two live regions every view uses: progress in [role=status], problems in [role=alert]. */
export function StatusLines({ status, alert }: { status: string | null; alert: string | null }) {
  return (
    <>
      <p role="status" class="small">
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
