/** A labelled input with its help or error text wired up for assistive technology. */
import { inputClass, labelClass } from './styles';

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
      {describedBy ? (
        <p id={describedBy} className={`mt-1 text-sm ${error ? 'text-red-700' : 'text-slate-600'}`}>
          {error ?? help}
        </p>
      ) : null}
    </div>
  );
}
