import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-slate-700">
        There is nothing here, or it is not yours to see. Check the address, or go back to the
        start.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
