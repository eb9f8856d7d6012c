import { birthdayPays, birthdaysOn, parseBirthday } from "../ledger/birthday"

describe("birthdays", () => {
  it("reads the common ways of writing one", () => {
    expect(parseBirthday("1990-04-17")).toEqual("04-17")
    expect(parseBirthday("04-17")).toEqual("04-17")
    expect(parseBirthday("--02-29")).toEqual("02-29")
    expect(parseBirthday("1990-02-30")).toBeNull()
    expect(parseBirthday("17/04/1990")).toBeNull()
    expect(parseBirthday(19900417)).toBeNull()
  })

  it("celebrates 29 February on the 28th in other years", () => {
    expect(birthdaysOn(new Date("2027-02-28T10:00:00Z"))).toEqual(["02-28", "02-29"])
    expect(birthdaysOn(new Date("2028-02-28T10:00:00Z"))).toEqual(["02-28"])
    expect(birthdaysOn(new Date("2028-02-29T10:00:00Z"))).toEqual(["02-29"])
  })

  it("pays only for a birthday entered at least 30 days before", () => {
    const birthday = new Date("2026-04-17T08:00:00Z")
    expect(birthdayPays(new Date("2026-03-01T00:00:00Z"), birthday)).toBe(true)
    expect(birthdayPays(new Date("2026-04-01T00:00:00Z"), birthday)).toBe(false)
    expect(birthdayPays(null, birthday)).toBe(false)
  })
})
