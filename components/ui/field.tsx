// Labelled form fields with their help or error text wired up for assistive technology.
import { inputClass, labelClass } from './styles';

/** The line under a field: its help, replaced by the error when there is one. */
export function FieldHelp({ id, help, error }: { id: string; help?: string; error?: string }) {
  return (
    <p id={id} className={`mt-1 text-sm ${error ? 'text-red-700' : 'text-slate-600'}`}>
      {error ?? help}
    </p>
  );
}

export function Field({
  name,
  label,
  help,
  error,
  id = name,
  ...input
}: { name: string; label: string; help?: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = error || help ? `${id}-help` : undefined;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        {...input}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      {describedBy ? <FieldHelp id={describedBy} help={help} error={error} /> : null}
    </div>
  );
}

/** A labelled textarea for a list typed one item per line (paths, names, steps), always with its help. */
export function LinesField({
  name,
  label,
  help,
  error,
  id = name,
  ...textarea
}: { name: string; label: string; help: string; error?: string } & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <textarea
        rows={4}
        spellCheck={false}
        {...textarea}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        className={`${inputClass} font-mono text-sm`}
      />
      <FieldHelp id={`${id}-help`} help={help} error={error} />
    </div>
  );
}
