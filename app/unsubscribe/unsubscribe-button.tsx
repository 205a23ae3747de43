"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function UnsubscribeButton({ token, label, done, failed }: { token: string; label: string; done: string; failed: string }) {
  const [state, setState] = useState<"idle" | "pending" | "done" | "failed">("idle");
  if (state === "done") return <p className="break-words text-sm" role="status">{done}</p>;
  return (
    <div className="space-y-2">
      <Button
        type="button"
        disabled={state === "pending"}
        onClick={async () => {
          setState("pending");
          const response = await fetch(`/api/report-schedules/unsubscribe?token=${encodeURIComponent(token)}`, { method: "POST" }).catch(() => null);
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
