// Each kind's POST /api/sources input (lib/connectors/<kind>/input.ts), for lib/sources/schemas.ts
// to join into one union. Kept apart from the registry so the schema loads without the connectors'
// receivers, appliers and sync plans.
import { amocrmInput } from "./amocrm/input";
import { bitrix24Input } from "./bitrix24/input";
import { formInput } from "./form/input";
import { shopInput } from "./shop/input";

export const SOURCE_INPUTS = [bitrix24Input, amocrmInput, shopInput, formInput] as const;
