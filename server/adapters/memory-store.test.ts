/** The memory store passes the same contract as the SQLite and D1 stores. */
import { createMemoryStore } from "./memory-store.ts";
import { testStore } from "./store-contract.ts";

testStore("memory", async () => createMemoryStore());
