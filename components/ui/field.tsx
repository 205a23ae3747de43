import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const control = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500";

export function Field({ label, htmlFor, children, hint }: { label: ReactNode; htmlFor: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

export function Input(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={`${control} ${props.className ?? ""}`} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={`${control} ${props.className ?? ""}`} />;
}
