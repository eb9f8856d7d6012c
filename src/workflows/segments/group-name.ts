/** The name of the customer group mirroring a segment. */
export const segmentGroupName = (segmentName: string) => `Segment: ${segmentName}`
