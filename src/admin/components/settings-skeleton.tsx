import { Skeleton } from "@medusajs/ui"

/** A settings form while its settings load: six label/input placeholders in two columns. */
export const SettingsSkeleton = () => (
  <div className="grid grid-cols-1 gap-6 px-6 py-6 md:grid-cols-2" aria-busy="true">
    {[0, 1, 2, 3, 4, 5].map((key) => (
      <div key={key} className="flex flex-col gap-y-2">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-8 w-full" />
      </div>
    ))}
  </div>
)
