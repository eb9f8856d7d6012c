import {
  Context,
  DAL,
  InferEntityType,
  ModulesSdkTypes,
} from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { LoyaltyAccountDTO } from "../../types/loyalty"
import type { LoyaltyTierChangeDTO, LoyaltyTierDTO } from "../../types/tiers"
import type { LoyaltyCampaignDTO, LoyaltyEntryDTO, LoyaltyLotDTO, LoyaltyRedemptionDTO } from "../../types/ledger"
import { postEntries, PostEntriesResult } from "./ledger/post-entries"
import { newReferralCode } from "./ledger/referral-code"
import { knexOf, TransactionalManager } from "../../utils/module-sql"
import { ensureSettingsRow, SettingsRow, writeSettingsRow } from "../../utils/settings-row"
import { linkReferrer, ReferralLink, unlinkReferrer, unpaidReferralsOf } from "./referrals"
import { byRank, DEFAULT_TIERS, windowStart } from "./tiers/ladder"
import { measureQuery, MeasureScope } from "./tiers/measure"
import { rescoreTiers, RescoreCounts } from "./tiers/rescore"
import { claimTierChanges, moveTierMembers, placeTierAtRank, releaseTierChanges } from "./tiers/tier-changes"
import type { Posting } from "./ledger/plan-posting"
import LoyaltyAccount from "./models/loyalty-account"
import LoyaltyEntry from "./models/loyalty-entry"
import LoyaltyLot from "./models/loyalty-lot"
import LoyaltySettings from "./models/loyalty-settings"
import LoyaltyCursor from "./models/loyalty-cursor"
import LoyaltyRedemption from "./models/loyalty-redemption"
import LoyaltyCampaign from "./models/loyalty-campaign"
import LoyaltyTier from "./models/loyalty-tier"
import LoyaltyTierChange from "./models/loyalty-tier-change"
import {
  LOYALTY_SETTINGS_ID,
  LoyaltySettingsDTO,
  UpdateLoyaltySettings,
} from "../../types/settings"

const LOYALTY_SETTINGS_ROW: SettingsRow = {
  table: "crm_loyalty_settings",
  id: LOYALTY_SETTINGS_ID,
  json_columns: ["earn_rates", "point_values", "exchange_rates"],
}

/** Rounds of drawing referral codes before ensureAccounts gives up (a second round is already rare). */
const MAX_ACCOUNT_INSERT_ROUNDS = 5

export type EnsureAccountsResult = {
  accounts: LoyaltyAccountDTO[]
  /** Ids of the accounts this call created (not those that existed). */
  created_ids: string[]
}

export interface ILoyaltyModuleService {
  ensureAccounts(
    customerIds: string[],
    sharedContext?: Context
  ): Promise<EnsureAccountsResult>
  retrieveAccountByCustomer(
    customerId: string,
    sharedContext?: Context
  ): Promise<LoyaltyAccountDTO | null>
  postLedgerEntries(postings: Posting[], sharedContext?: Context): Promise<PostEntriesResult>
  loadSettings(sharedContext?: Context): Promise<LoyaltySettingsDTO>
  changeSettings(data: UpdateLoyaltySettings, sharedContext?: Context): Promise<LoyaltySettingsDTO>
  pageOfLedger(
    accountId: string,
    page: { limit: number; offset: number; types?: string[] },
    sharedContext?: Context
  ): Promise<{ entries: LoyaltyEntryDTO[]; lots: LoyaltyLotDTO[]; count: number }>
  expiringPointsOf(accountId: string, sharedContext?: Context): Promise<{ points: number; expires_at: string }[]>
  expiringSoonByAccount(
    window: { from: Date; until: Date; limit: number; after_account_id?: string },
    sharedContext?: Context
  ): Promise<{ account_id: string; customer_id: string; points: number; first_expiry: Date; points_balance: number }[]>
  linkReferrer(refereeAccountId: string, code: string, sharedContext?: Context): Promise<ReferralLink | null>
  unlinkReferrer(refereeAccountId: string, referrerAccountId: string, sharedContext?: Context): Promise<void>
  unpaidReferralsOf(accountIds: string[], sharedContext?: Context): Promise<ReferralLink[]>
  readCursor(id: string, sharedContext?: Context): Promise<Date | null>
  moveCursor(id: string, position: Date, sharedContext?: Context): Promise<void>
  tierLadder(sharedContext?: Context): Promise<LoyaltyTierDTO[]>
  rescoreMembers(input: RescoreMembersInput, sharedContext?: Context): Promise<RescoreCounts>
  qualifyingValueOf(customerId: string, scope: Omit<MeasureScope, "customer_ids">, sharedContext?: Context): Promise<number>
  claimTierChanges(limit: number, customerIds?: string[], sharedContext?: Context): Promise<LoyaltyTierChangeDTO[]>
  releaseTierChanges(ids: string[], sharedContext?: Context): Promise<void>
  moveTierMembers(fromTierId: string, toTierId: string | null, sharedContext?: Context): Promise<string[]>
  placeTierAtRank(tierId: string, rank: number, sharedContext?: Context): Promise<void>
  tierMemberCounts(sharedContext?: Context): Promise<Record<string, number>>
  membersPage(
    page: { after_id?: string; limit: number },
    sharedContext?: Context
  ): Promise<{ id: string; customer_id: string; tier_id: string | null }[]>
}

export type RescoreMembersInput = {
  /** Only these customers (the order path); every member when absent. */
  customer_ids?: string[]
  upgrade_only: boolean
  reason: "signup" | "order" | "evaluation"
  now?: Date | string
}

type LoyaltyAccountEntity = InferEntityType<typeof LoyaltyAccount>

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  loyaltyAccountService: ModulesSdkTypes.IMedusaInternalService<LoyaltyAccountEntity>
}

class LoyaltyModuleService
  extends MedusaService<{
    LoyaltyAccount: { dto: LoyaltyAccountDTO }
    LoyaltyEntry: { dto: LoyaltyEntryDTO }
    LoyaltyLot: { dto: LoyaltyLotDTO }
    LoyaltySettings: { dto: LoyaltySettingsDTO }
    LoyaltyCursor: { dto: { id: string; position: Date } }
    LoyaltyRedemption: { dto: LoyaltyRedemptionDTO }
    LoyaltyCampaign: { dto: LoyaltyCampaignDTO }
    LoyaltyTier: { dto: LoyaltyTierDTO }
    LoyaltyTierChange: { dto: LoyaltyTierChangeDTO }
  }>({
    LoyaltyAccount,
    LoyaltyEntry,
    LoyaltyLot,
    LoyaltySettings,
    LoyaltyCursor,
    LoyaltyRedemption,
    LoyaltyCampaign,
    LoyaltyTier,
    LoyaltyTierChange,
  })
  implements ILoyaltyModuleService
{
  protected baseRepository_: DAL.RepositoryService
  protected loyaltyAccountService_: ModulesSdkTypes.IMedusaInternalService<LoyaltyAccountEntity>

  constructor({ baseRepository, loyaltyAccountService }: InjectedDependencies) {
    // @ts-ignore MedusaService takes the container as its arguments
    super(...arguments)
    this.baseRepository_ = baseRepository
    this.loyaltyAccountService_ = loyaltyAccountService
  }

  /**
   * Creates the missing accounts of the given customers and returns all of
   * them. Safe under any concurrency: the insert skips customers that already
   * have an account (unique index), so parallel or repeated calls for the
   * same customer leave exactly one account.
   */
  @InjectManager()
  async ensureAccounts(
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<EnsureAccountsResult> {
    const result = await this.ensureAccounts_(customerIds, sharedContext)
    return {
      accounts: await this.baseRepository_.serialize<LoyaltyAccountDTO[]>(
        result.accounts
      ),
      created_ids: result.created_ids,
    }
  }

  // No transaction of its own: each statement is atomic, and the read-first
  // path then costs one query.
  @InjectManager()
  protected async ensureAccounts_(
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ accounts: LoyaltyAccountEntity[]; created_ids: string[] }> {
    const uniqueIds = [...new Set(customerIds)].filter(Boolean).sort()
    if (!uniqueIds.length) {
      return { accounts: [], created_ids: [] }
    }

    const knex = knexOf(sharedContext)
    const createdIds: string[] = []
    // Read first: on every earn the account already exists.
    let accounts = await this.loyaltyAccountService_.list({ customer_id: uniqueIds }, {}, sharedContext)
    // A new referral code may collide with another member's (40 random bits):
    // the insert then skips that row and the next round draws again.
    for (let round = 0; round < MAX_ACCOUNT_INSERT_ROUNDS; round++) {
      const have = new Set(accounts.map((account) => account.customer_id))
      const missing = uniqueIds.filter((id) => !have.has(id))
      if (!missing.length) break
      const inserted: { id: string }[] = (
        await knex.raw(
          `INSERT INTO crm_loyalty_account (id, customer_id, referral_code)
           SELECT * FROM unnest(?::text[], ?::text[], ?::text[])
           ON CONFLICT DO NOTHING
           RETURNING id`,
          [missing.map(() => generateEntityId(undefined, "lpacc")), missing, missing.map(() => newReferralCode())]
        )
      ).rows
      createdIds.push(...inserted.map((row) => row.id))
      accounts = await this.loyaltyAccountService_.list({ customer_id: uniqueIds }, {}, sharedContext)
    }
    if (accounts.length < uniqueIds.length) {
      throw new Error(`Could not open loyalty accounts for ${uniqueIds.length - accounts.length} customers`)
    }
    return { accounts, created_ids: createdIds }
  }

  @InjectManager()
  async retrieveAccountByCustomer(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyAccountDTO | null> {
    const [account] = await this.listLoyaltyAccounts(
      { customer_id: customerId },
      { take: 1 },
      sharedContext
    )
    return (account as LoyaltyAccountDTO | undefined) ?? null
  }

  /**
   * Writes ledger entries and moves balances in one transaction (see
   * `postEntries`). Postings whose idempotency key is already in the ledger
   * are skipped, so re-delivered events change nothing.
   */
  @InjectManager()
  async postLedgerEntries(
    postings: Posting[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PostEntriesResult> {
    return await this.postLedgerEntries_(postings, sharedContext)
  }

  @InjectTransactionManager()
  protected async postLedgerEntries_(
    postings: Posting[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PostEntriesResult> {
    const trx = (sharedContext.transactionManager as TransactionalManager).getTransactionContext()
    if (!trx) {
      // Without a transaction the row locks would be released at once.
      throw new Error("postLedgerEntries must run inside a transaction")
    }
    return await postEntries(trx, postings)
  }

  /**
   * A page of the account's ledger, newest first, with the lots its credits
   * opened (for their status and expiry): two queries, whatever the page size.
   */
  @InjectManager()
  async pageOfLedger(
    accountId: string,
    page: { limit: number; offset: number; types?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: LoyaltyEntryDTO[]; lots: LoyaltyLotDTO[]; count: number }> {
    const [found, count] = await this.listAndCountLoyaltyEntries(
      { account_id: accountId, ...(page.types ? { type: page.types } : {}) } as any,
      { take: page.limit, skip: page.offset, order: { created_at: "DESC", id: "DESC" } },
      sharedContext
    )
    const entries = found as unknown as LoyaltyEntryDTO[]
    const lots = entries.length
      ? await this.listLoyaltyLots({ entry_id: entries.map((e) => e.id) }, {}, sharedContext)
      : []
    return {
      entries: entries as LoyaltyEntryDTO[],
      lots: lots as LoyaltyLotDTO[],
      count: count as unknown as number,
    }
  }

  /** Available points that will expire, soonest first, summed per day. */
  @InjectManager()
  async expiringPointsOf(
    accountId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ points: number; expires_at: string }[]> {
    const rows: { points: number; expires_at: Date }[] = await knexOf(sharedContext)("crm_loyalty_lot")
      .select(knexOf(sharedContext).raw("sum(remaining)::int as points"), knexOf(sharedContext).raw("min(expires_at) as expires_at"))
      .where({ account_id: accountId, status: "available" })
      .where("remaining", ">", 0)
      .whereNotNull("expires_at")
      .whereNull("deleted_at")
      .groupByRaw("date_trunc('day', expires_at)")
      .orderByRaw("min(expires_at) asc")
      .limit(5)
    return rows.map((row) => ({ points: row.points, expires_at: new Date(row.expires_at).toISOString() }))
  }

  /**
   * Per account: the available points expiring within (from, until] and the
   * first day they expire. One grouped query over the (status, expires_at)
   * index, for the reminder e-mails.
   */
  @InjectManager()
  async expiringSoonByAccount(
    window: { from: Date; until: Date; limit: number; after_account_id?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ account_id: string; customer_id: string; points: number; first_expiry: Date; points_balance: number }[]> {
    const knex = knexOf(sharedContext)
    const query = knex("crm_loyalty_lot as lot")
      .join("crm_loyalty_account as account", "account.id", "lot.account_id")
      .select(
        "lot.account_id",
        "account.customer_id",
        "account.points_balance",
        knex.raw("sum(lot.remaining)::int as points"),
        knex.raw("min(lot.expires_at) as first_expiry")
      )
      .where("lot.status", "available")
      .where("lot.remaining", ">", 0)
      .where("lot.expires_at", ">", window.from)
      .where("lot.expires_at", "<=", window.until)
      .whereNull("lot.deleted_at")
      .groupBy("lot.account_id", "account.customer_id", "account.points_balance")
      .orderBy("lot.account_id")
      .limit(window.limit)
    if (window.after_account_id) {
      query.where("lot.account_id", ">", window.after_account_id)
    }
    return await query
  }

  /** See referrals.ts. */
  @InjectTransactionManager()
  async linkReferrer(refereeAccountId: string, code: string, @MedusaContext() sharedContext: Context = {}) {
    return await linkReferrer(knexOf(sharedContext), refereeAccountId, code)
  }

  @InjectTransactionManager()
  async unlinkReferrer(refereeAccountId: string, referrerAccountId: string, @MedusaContext() sharedContext: Context = {}) {
    await unlinkReferrer(knexOf(sharedContext), refereeAccountId, referrerAccountId)
  }

  @InjectManager()
  async unpaidReferralsOf(accountIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await unpaidReferralsOf(knexOf(sharedContext), accountIds)
  }

  /** Where the named scan stopped, or null before its first run. */
  @InjectManager()
  async readCursor(id: string, @MedusaContext() sharedContext: Context = {}): Promise<Date | null> {
    const row = await knexOf(sharedContext)("crm_loyalty_cursor").select("position").where({ id }).first()
    return row ? new Date(row.position) : null
  }

  /** Moves the named scan forward (never back). */
  @InjectTransactionManager()
  async moveCursor(id: string, position: Date, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await knexOf(sharedContext).raw(
      `INSERT INTO crm_loyalty_cursor (id, position) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET position = GREATEST(crm_loyalty_cursor.position, excluded.position), updated_at = now()`,
      [id, position]
    )
  }

  /**
   * The tiers by rank. A store that never had tiers gets the default ladder
   * on this first read; one whose tiers were all deleted keeps none.
   */
  @InjectManager()
  async tierLadder(@MedusaContext() sharedContext: Context = {}): Promise<LoyaltyTierDTO[]> {
    const tiers = await this.listLoyaltyTiers({}, { order: { rank: "ASC" } }, sharedContext)
    if (tiers.length) {
      return tiers as unknown as LoyaltyTierDTO[]
    }
    await this.seedDefaultTiers_(sharedContext)
    return byRank((await this.listLoyaltyTiers({}, {}, sharedContext)) as unknown as LoyaltyTierDTO[])
  }

  @InjectTransactionManager()
  protected async seedDefaultTiers_(@MedusaContext() sharedContext: Context = {}) {
    const knex = knexOf(sharedContext)
    // One seeder at a time; whoever comes second finds the rows (deleted ones too) and does nothing.
    await knex.raw(`SELECT pg_advisory_xact_lock(hashtext('crm_loyalty_tier_seed'))`)
    const existing = await knex("crm_loyalty_tier").count({ n: "*" }).first()
    if (Number(existing?.n ?? 0) > 0) {
      return
    }
    await this.createLoyaltyTiers(DEFAULT_TIERS.map((tier) => ({ ...tier })) as any, sharedContext)
  }

  /** See tiers/rescore.ts: one statement over the given customers or every member. */
  @InjectManager()
  async rescoreMembers(input: RescoreMembersInput, @MedusaContext() sharedContext: Context = {}): Promise<RescoreCounts> {
    const [settings, tiers] = await Promise.all([this.loadSettings(sharedContext), this.tierLadder(sharedContext)])
    const now = input.now ? new Date(input.now) : new Date()
    return await this.rescoreMembers_(
      {
        tiers,
        measure: settings.tier_measure,
        since: windowStart(settings, now),
        customer_ids: input.customer_ids,
        now,
        grace_days: settings.tier_grace_days,
        upgrade_only: input.upgrade_only,
        reason: input.reason,
      },
      sharedContext
    )
  }

  @InjectTransactionManager()
  protected async rescoreMembers_(
    input: Parameters<typeof rescoreTiers>[1],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RescoreCounts> {
    return await rescoreTiers(knexOf(sharedContext), input)
  }

  /** The customer's qualifying measure (spend or points) over the window; one indexed query. */
  @InjectManager()
  async qualifyingValueOf(
    customerId: string,
    scope: Omit<MeasureScope, "customer_ids">,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const { sql, bindings } = measureQuery({ ...scope, customer_ids: [customerId] })
    const { rows } = await knexOf(sharedContext).raw(sql, bindings as any[])
    return Number(rows[0]?.value ?? 0)
  }

  @InjectTransactionManager()
  async claimTierChanges(limit: number, customerIds?: string[], @MedusaContext() sharedContext: Context = {}) {
    return await claimTierChanges(knexOf(sharedContext), limit, customerIds)
  }

  @InjectTransactionManager()
  async releaseTierChanges(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    await releaseTierChanges(knexOf(sharedContext), ids)
  }

  @InjectTransactionManager()
  async moveTierMembers(fromTierId: string, toTierId: string | null, @MedusaContext() sharedContext: Context = {}) {
    return await moveTierMembers(knexOf(sharedContext), fromTierId, toTierId, new Date())
  }

  @InjectTransactionManager()
  async placeTierAtRank(tierId: string, rank: number, @MedusaContext() sharedContext: Context = {}) {
    await placeTierAtRank(knexOf(sharedContext), tierId, rank)
  }

  /** Members per tier id, one grouped query over the tier index. */
  @InjectManager()
  async tierMemberCounts(@MedusaContext() sharedContext: Context = {}): Promise<Record<string, number>> {
    const rows: { tier_id: string; n: string }[] = await knexOf(sharedContext)("crm_loyalty_account")
      .select("tier_id")
      .count({ n: "*" })
      .whereNotNull("tier_id")
      .whereNull("deleted_at")
      .groupBy("tier_id")
    return Object.fromEntries(rows.map((row) => [row.tier_id, Number(row.n)]))
  }

  /** Members in id order, a page at a time (the group reconciliation walks them all). */
  @InjectManager()
  async membersPage(page: { after_id?: string; limit: number }, @MedusaContext() sharedContext: Context = {}) {
    const query = knexOf(sharedContext)("crm_loyalty_account")
      .select("id", "customer_id", "tier_id")
      .whereNull("deleted_at")
      .orderBy("id")
      .limit(page.limit)
    if (page.after_id) {
      query.where("id", ">", page.after_id)
    }
    return await query
  }

  /** The store's settings, created with their defaults on first read. */
  @InjectManager()
  async loadSettings(@MedusaContext() sharedContext: Context = {}): Promise<LoyaltySettingsDTO> {
    // Read first: the row exists after the first call, and this is on every earn.
    const [existing] = await this.listLoyaltySettings({ id: LOYALTY_SETTINGS_ID }, { take: 1 }, sharedContext)
    if (existing) {
      return existing as LoyaltySettingsDTO
    }
    await this.ensureSettings_(sharedContext)
    return (await this.retrieveLoyaltySettings(LOYALTY_SETTINGS_ID, {}, sharedContext)) as LoyaltySettingsDTO
  }

  @InjectManager()
  async changeSettings(
    data: UpdateLoyaltySettings,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsDTO> {
    await this.changeSettings_(data, sharedContext)
    return await this.loadSettings(sharedContext)
  }

  @InjectTransactionManager()
  protected async changeSettings_(data: UpdateLoyaltySettings, @MedusaContext() sharedContext: Context = {}) {
    await writeSettingsRow(knexOf(sharedContext), LOYALTY_SETTINGS_ROW, data)
  }

  @InjectTransactionManager()
  protected async ensureSettings_(@MedusaContext() sharedContext: Context = {}) {
    await ensureSettingsRow(knexOf(sharedContext), LOYALTY_SETTINGS_ROW)
  }
}

export default LoyaltyModuleService
