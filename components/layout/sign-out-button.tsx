import { signOutAction } from "@/app/(account)/account/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="text-sm text-slate-700 underline-offset-2 hover:underline">
        Sign out
      </button>
    </form>
  );
}
