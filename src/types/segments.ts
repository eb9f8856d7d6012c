export const SEGMENT_REFRESH_MODES = ["manual", "hourly", "daily"] as const
export type SegmentRefreshMode = (typeof SEGMENT_REFRESH_MODES)[number]

/** The RFM groups, best first: `rfm_group` values and the distribution's order. */
export const RFM_GROUPS = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new",
  "promising",
  "need_attention",
  "at_risk",
  "cannot_lose_them",
  "hibernating",
  "lost",
] as const
export type RfmGroup = (typeof RFM_GROUPS)[number]

export const RFM_GROUP_LABELS: Record<RfmGroup, string> = {
  champions: "Champions",
  loyal: "Loyal",
  potential_loyalist: "Potential loyalist",
  new: "New",
  promising: "Promising",
  need_attention: "Need attention",
  at_risk: "At risk",
  cannot_lose_them: "Cannot lose them",
  hibernating: "Hibernating",
  lost: "Lost",
}

export type SegmentDTO = {
  id: string
  name: string
  description: string | null
  rules: unknown
  refresh: SegmentRefreshMode
  customer_group_id: string | null
  member_count: number
  refreshed_at: Date | string | null
  last_joined: number
  last_left: number
  created_at: Date | string
  updated_at: Date | string
}

export type RfmScore = {
  customer_id: string
  recency: number
  frequency: number
  monetary: number
  group: RfmGroup
}
