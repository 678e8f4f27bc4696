import { LoadingSkeleton } from "@/components/data/loading-skeleton";

/** Shaped like the page: panel, then a group card of printers. */
export default function Loading() {
  return <LoadingSkeleton rows={4} />;
}
