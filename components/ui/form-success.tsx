/** A form-level confirmation, announced politely to screen readers; renders nothing without a message. */
export function FormSuccess({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800">
      {message}
    </p>
  );
}
