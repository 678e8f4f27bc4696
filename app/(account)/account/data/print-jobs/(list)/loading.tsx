import { LoadingSkeleton } from "@/components/data/loading-skeleton";

/** Shaped like the page: panel, auto-delete choice, filters, a page of job rows. */
export default function Loading() {
  return <LoadingSkeleton filters autoDelete rows={10} />;
}
