/** Events the segments capability emits. */
export const SegmentEvents = {
  /** `{ id, joined, left, group_added, group_removed }` after a refresh. */
  REFRESHED: "crm.segment.refreshed",
  /** `{ scored_at, customers, changed }` after an RFM scoring. */
  RFM_SCORED: "crm.rfm.scored",
} as const
