/**
 * Imported first by every entry that builds zod schemas. Extension pages forbid eval: zod probes
 * `new Function` when it builds an object schema, to compile a faster parser, and the browser logs
 * the refused eval as an error in the console. Schemas are built when their modules load, so this
 * has to run before any of them does.
 */
import { z } from "zod";

z.config({ jitless: true });
