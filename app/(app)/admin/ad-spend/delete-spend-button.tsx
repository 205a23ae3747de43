"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/call-api";

export function DeleteSpendButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button variant="ghost" disabled={pending} onClick={() => start(async () => void (await callApi(`/api/ad-spend/${id}`, { method: "DELETE" }), router.refresh()))}>
      {label}
    </Button>
  );
}
