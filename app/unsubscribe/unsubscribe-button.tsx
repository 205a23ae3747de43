"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** `action`: the one-click endpoint the token is posted to (a scheduled report's, or anomaly e-mails'). */
export function UnsubscribeButton({ action, token, label, done, failed }: { action: string; token: string; label: string; done: string; failed: string }) {
  const [state, setState] = useState<"idle" | "pending" | "done" | "failed">("idle");
  if (state === "done") return <p className="break-words text-sm" role="status">{done}</p>;
  return (
    <div className="space-y-2">
      <Button
        type="button"
        disabled={state === "pending"}
        onClick={async () => {
          setState("pending");
          const response = await fetch(`${action}?token=${encodeURIComponent(token)}`, { method: "POST" }).catch(() => null);
          setState(response?.ok ? "done" : "failed");
        }}
      >
        {label}
      </Button>
      {state === "failed" ? (
        <p role="alert" className="text-sm text-red-700">
          {failed}
        </p>
      ) : null}
    </div>
  );
}
