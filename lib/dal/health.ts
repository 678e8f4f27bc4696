import "server-only";
import { getDbHandle } from "@/db";

/** Whether the database answers. Public: reveals only the engine name. */
export async function checkDatabase(): Promise<{ ok: boolean; engine: string }> {
  const handle = await getDbHandle();
  await handle.query("select 1");
  return { ok: true, engine: handle.engine };
}
