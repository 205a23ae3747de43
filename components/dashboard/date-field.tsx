"use client";
// DateInput in a plain GET form of a server page (the audit log's filters): it keeps its own value
// and submits it under `name`, so the page needs no client state of its own.
import { useState, type ComponentProps } from "react";
import { DateInput } from "./date-input";

type Props = Omit<ComponentProps<typeof DateInput>, "value" | "onChange" | "name"> & { name: string; defaultValue?: string };

export function DateField({ defaultValue = "", ...props }: Props) {
  const [value, setValue] = useState(defaultValue);
  return <DateInput {...props} value={value} onChange={setValue} />;
}
