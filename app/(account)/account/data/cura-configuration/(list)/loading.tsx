import { LoadingSkeleton } from "@/components/data/loading-skeleton";

/** Shaped like the page: panel, auto-delete choice, a profile card of versions. */
export default function Loading() {
  return <LoadingSkeleton autoDelete rows={4} />;
}
