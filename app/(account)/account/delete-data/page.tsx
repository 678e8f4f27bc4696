import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { listDeletableCategories } from "@/lib/dal/erasure/delete-data";
import { DeleteDataForm } from "./delete-data-form";

export const metadata: Metadata = { title: "Delete data" };

export default async function DeleteDataPage() {
  const options = await listDeletableCategories();
  return (
    <>
      <PageTitle lead="Delete some of your data now, by kind and by date, and keep your account. You see how much it is before anything is deleted.">
        Delete data
      </PageTitle>
      <Card title="Choose what to delete" id="choose">
        <DeleteDataForm options={options} />
      </Card>
    </>
  );
}
