import { scheduleOf, tickOf } from "../scheduled-job"

const at = (iso: string) => new Date(iso)

describe("tickOf", () => {
  it("floors a 5-field cron's run to its minute", () => {
    expect(tickOf(at("2026-05-04T10:05:00.000Z"), "*/5 * * * *")).toEqual(at("2026-05-04T10:05:00.000Z"))
    expect(tickOf(at("2026-05-04T10:05:59.999Z"), "*/5 * * * *")).toEqual(at("2026-05-04T10:05:00.000Z"))
    expect(tickOf(at("2026-05-04T10:06:00.001Z"), "*/5 * * * *")).toEqual(at("2026-05-04T10:06:00.000Z"))
  })

  it("floors a 6-field cron's run to its second", () => {
    expect(tickOf(at("2026-05-04T10:05:07.250Z"), "*/10 * * * * *")).toEqual(at("2026-05-04T10:05:07.000Z"))
    expect(tickOf(at("2026-05-04T10:05:07.999Z"), " 0  * * * * * ")).toEqual(at("2026-05-04T10:05:07.000Z"))
  })
})

describe("scheduleOf", () => {
  const name = "crm-segments-refresh-due"

  it("keeps the default without CRM_JOB_SCHEDULES, or when it names other jobs", () => {
    expect(scheduleOf(name, "*/5 * * * *", {})).toBe("*/5 * * * *")
    expect(scheduleOf(name, "*/5 * * * *", { CRM_JOB_SCHEDULES: "  " })).toBe("*/5 * * * *")
    expect(scheduleOf(name, "*/5 * * * *", { CRM_JOB_SCHEDULES: '{"crm-rfm-score": "0 4 * * *"}' })).toBe("*/5 * * * *")
  })

  it("takes the job's own entry, with 5 or 6 fields", () => {
    const env = { CRM_JOB_SCHEDULES: JSON.stringify({ [name]: "*/15 * * * *", "crm-rfm-score": "30 */10 * * * *" }) }
    expect(scheduleOf(name, "*/5 * * * *", env)).toBe("*/15 * * * *")
    expect(scheduleOf("crm-rfm-score", "7 * * * *", env)).toBe("30 */10 * * * *")
  })

  it("throws naming the variable on JSON that does not parse or is not an object", () => {
    for (const raw of ["{not json", "[]", '"*/5 * * * *"', "null"]) {
      expect(() => scheduleOf(name, "*/5 * * * *", { CRM_JOB_SCHEDULES: raw })).toThrow(/^CRM_JOB_SCHEDULES must be a JSON object of job name to cron/)
    }
  })

  it("throws naming the variable and the job on a schedule that is not a 5- or 6-field cron string", () => {
    for (const cron of [5, null, "*/5 * * *", "0 0 */5 * * * *"]) {
      expect(() => scheduleOf(name, "*/5 * * * *", { CRM_JOB_SCHEDULES: JSON.stringify({ [name]: cron }) })).toThrow(
        `CRM_JOB_SCHEDULES: the schedule of "${name}" must be a cron string of 5 or 6 fields, got ${JSON.stringify(cron)}`
      )
    }
  })
})
