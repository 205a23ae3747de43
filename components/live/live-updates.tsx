"use client";
// Keeps an open dashboard current: listens to GET /api/live and, when the organisation's facts
// change, marks every report query stale so the ones on screen refetch (through their own scoped
// API). After a broken connection the browser reconnects by itself; the first `ready` after that
// refetches too, since changes may have been missed meanwhile. A page drawn on the server (TV mode)
// asks for `refreshPage`: its figures come again with the page, not through report queries.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type LiveState = "connecting" | "on" | "off";

export function LiveUpdates({ labels, refreshPage = false }: { labels: { on: string; off: string }; refreshPage?: boolean }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<LiveState>("connecting");
  useEffect(() => {
    const source = new EventSource("/api/live");
    let broken = false;
    const refetch = () => {
      void queryClient.invalidateQueries({ queryKey: ["report"] });
      if (refreshPage) router.refresh();
    };
    source.addEventListener("ready", () => {
      setState("on");
      if (broken) refetch();
      broken = false;
    });
    source.addEventListener("facts", refetch);
    source.onerror = () => {
      broken = true;
      setState("off");
    };
    return () => source.close();
  }, [queryClient, router, refreshPage]);
  return (
    <span data-testid="live-status" data-state={state} className="sr-only">
      {state === "off" ? labels.off : state === "on" ? labels.on : ""}
    </span>
  );
}
