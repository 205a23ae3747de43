export * from "./orgs";
export * from "./sources";
export * from "./utm";
export * from "./crm";
export * from "./commerce";
export * from "./traffic";
export * from "./system";
