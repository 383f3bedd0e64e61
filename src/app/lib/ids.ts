/** A request id for the contract's idempotent creates: [A-Za-z0-9_-], 8–64 characters. */
export function newRequestId(): string {
  const rand = () => Math.floor(Math.random() * 2 ** 32).toString(36);
  return `r${Date.now().toString(36)}${rand()}${rand()}`;
}
