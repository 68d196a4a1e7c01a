/** Group "application": the root resource, login and the system state. */
import type { ResourceGroup } from "../types.js";
import { login } from "./login.js";
import { getApplication } from "./root.js";
import { getSystemState } from "./system-state.js";

export const group: ResourceGroup = {
  name: "application",
  handlers: { getApplication, getSystemState, login, loginWithGet: login },
};
