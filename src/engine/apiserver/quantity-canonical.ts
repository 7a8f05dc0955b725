// Canonical form of a resource.Quantity as the server stores it, or undefined if it does not parse.
import { canonicalQuantity as canonical } from "../machinery/quantity";

export function canonicalQuantity(s: string): string | undefined {
  try {
    return canonical(s);
  } catch {
    return undefined;
  }
}
