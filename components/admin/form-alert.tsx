import { Alert } from "@/components/ui/alert";
import type { ReactNode } from "react";

/** The outcome of a submission above (or below) its form: what was done, or what stopped it. */
export function FormAlert({ state, children }: { state: { status?: "success" | "error"; message?: string }; children?: ReactNode }) {
  if (!state.status || !state.message) return null;
  return (
    <Alert tone={state.status === "success" ? "success" : "error"}>
      {state.message}
      {children}
    </Alert>
  );
}
