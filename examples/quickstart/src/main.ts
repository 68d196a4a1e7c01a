/**
 * The quickstart: builds the topology against MIDONET_URL (default: the emulator `npm start` runs) and prints it.
 * Usage: `npm start -w @midonet/example-quickstart` with an emulator or a MidoNet cluster listening.
 */
import { createClient } from "@midonet/client";
import { describeTenant } from "./describe.js";
import { buildTopology, TENANT } from "./topology.js";
import { renderTree } from "./tree.js";

const baseUrl = process.env.MIDONET_URL ?? "http://127.0.0.1:8181/midonet-api";
const client = createClient({ baseUrl });

await buildTopology(client, TENANT);
console.log(renderTree(await describeTenant(client, TENANT)));
