/**
 * Stands in for next/headers in integration tests: the DAL reads the session cookie and request
 * headers through it, exactly as in the app, but from this in-memory request.
 */
export const testRequest = {
  cookies: new Map<string, string>(),
  headers: new Map<string, string>(),
};

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => {
      const value = testRequest.cookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    getAll: () => [...testRequest.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void testRequest.cookies.set(name, value),
    delete: (name: string) => void testRequest.cookies.delete(name),
  }),
  headers: async () => new Headers([...testRequest.headers]),
};
