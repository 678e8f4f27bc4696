export { LoadingSkeleton as default } from "@/components/data/loading-skeleton";
