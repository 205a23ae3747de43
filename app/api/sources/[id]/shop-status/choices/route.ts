import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { getShopStatusChoices } from "@/lib/shop-status/manage";

/** What the shop's stage → status form offers: the organisation's pipelines with their stages, and its Bitrix24 stores. */
export const GET = apiRoute<{ id: string }>("sources:manage", async ({ viewer, db, params }) => getShopStatusChoices(db, viewer.orgId, z.uuid({ message: "must be a source id" }).parse(params.id)));
