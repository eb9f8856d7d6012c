import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** Ledger keys of the two referral bonuses: each referee pays once, on both sides. */
export const referralBonusKeys = {
  referee: (refereeCustomerId: string) => `bonus:referral:referee:${refereeCustomerId}`,
  referrer: (refereeCustomerId: string) => `bonus:referral:referrer:${refereeCustomerId}`,
}

export type ReferralLink = {
  referee_account_id: string
  referee_customer_id: string
  referrer_account_id: string
  referrer_customer_id: string
}

/**
 * Records that the referee signed up with `code`. Only once per referee,
 * never to itself, and only while the referee has earned nothing yet (a
 * member of long standing cannot claim to be referred). Returns the link,
 * or null when it was not made.
 */
export async function linkReferrer(knex: Knex, refereeAccountId: string, code: string): Promise<ReferralLink | null> {
  const { rows } = await knex.raw(
    `UPDATE crm_loyalty_account referee
        SET referred_by_account_id = referrer.id, updated_at = now()
       FROM crm_loyalty_account referrer
      WHERE referee.id = ?
        AND referee.referred_by_account_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM crm_loyalty_entry e WHERE e.account_id = referee.id AND e.type = 'earn')
        AND referrer.referral_code = ?
        AND referrer.deleted_at IS NULL
        AND referrer.id <> referee.id
      RETURNING referee.id AS referee_account_id, referee.customer_id AS referee_customer_id,
                referrer.id AS referrer_account_id, referrer.customer_id AS referrer_customer_id`,
    [refereeAccountId, code]
  )
  return rows[0] ?? null
}

/** Undoes `linkReferrer` (workflow compensation). */
export async function unlinkReferrer(knex: Knex, refereeAccountId: string, referrerAccountId: string): Promise<void> {
  await knex("crm_loyalty_account")
    .where({ id: refereeAccountId, referred_by_account_id: referrerAccountId })
    .update({ referred_by_account_id: null, updated_at: new Date() })
}

/**
 * The referral links of these accounts not paid yet: neither bonus is in the
 * ledger (either one marks the referral as paid, so a bonus switched on later
 * does not pay for an old referral).
 */
export async function unpaidReferralsOf(knex: Knex, refereeAccountIds: string[]): Promise<ReferralLink[]> {
  if (!refereeAccountIds.length) return []
  const { rows } = await knex.raw(
    `SELECT referee.id AS referee_account_id, referee.customer_id AS referee_customer_id,
            referrer.id AS referrer_account_id, referrer.customer_id AS referrer_customer_id
       FROM crm_loyalty_account referee
       JOIN crm_loyalty_account referrer ON referrer.id = referee.referred_by_account_id AND referrer.deleted_at IS NULL
      WHERE referee.id = ANY(?::text[]) AND referee.deleted_at IS NULL`,
    [refereeAccountIds]
  )
  const links = rows as ReferralLink[]
  if (!links.length) return links
  const keysOf = (link: ReferralLink) => [
    referralBonusKeys.referee(link.referee_customer_id),
    referralBonusKeys.referrer(link.referee_customer_id),
  ]
  const paid = new Set(
    (await knex("crm_loyalty_entry").select("idempotency_key").whereIn("idempotency_key", links.flatMap(keysOf))).map(
      (row: { idempotency_key: string }) => row.idempotency_key
    )
  )
  return links.filter((link) => !keysOf(link).some((key) => paid.has(key)))
}
