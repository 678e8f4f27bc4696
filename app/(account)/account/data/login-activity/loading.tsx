import { LoadingSkeleton } from "@/components/data/loading-skeleton";

/** Shaped like the page: panel, auto-delete choice, a page of sign-ins. */
export default function Loading() {
  return <LoadingSkeleton autoDelete rows={10} />;
}
