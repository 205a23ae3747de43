// A field's refusal message under its control, tied to it for screen readers.
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={`${id}-error`} className="text-xs text-red-700">
      {message}
    </p>
  ) : null;
}

/** Props for the control the message belongs to. */
export function errorProps(id: string, message?: string) {
  return message ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
}
