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
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { LoyaltyAccountDTO } from "../../types/loyalty"
import type { LoyaltyEntryDTO, LoyaltyLotDTO } from "../../types/ledger"
import { postEntries, PostEntriesResult } from "./ledger/post-entries"
import type { Posting } from "./ledger/plan-posting"
import LoyaltyAccount from "./models/loyalty-account"
import LoyaltyEntry from "./models/loyalty-entry"
import LoyaltyLot from "./models/loyalty-lot"
import LoyaltySettings from "./models/loyalty-settings"
import {
  LOYALTY_SETTINGS_ID,
  LoyaltySettingsDTO,
  UpdateLoyaltySettings,
} from "../../types/settings"

type TransactionalManager = {
  getKnex(): Knex
  getTransactionContext(): Knex.Transaction | undefined
}

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
}

type LoyaltyAccountEntity = InferEntityType<typeof LoyaltyAccount>

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  loyaltyAccountService: ModulesSdkTypes.IMedusaInternalService<LoyaltyAccountEntity>
}

const ACCOUNT_TABLE = "crm_loyalty_account"

class LoyaltyModuleService
  extends MedusaService<{
    LoyaltyAccount: { dto: LoyaltyAccountDTO }
    LoyaltyEntry: { dto: LoyaltyEntryDTO }
    LoyaltyLot: { dto: LoyaltyLotDTO }
    LoyaltySettings: { dto: LoyaltySettingsDTO }
  }>({ LoyaltyAccount, LoyaltyEntry, LoyaltyLot, LoyaltySettings })
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

  @InjectTransactionManager()
  protected async ensureAccounts_(
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ accounts: LoyaltyAccountEntity[]; created_ids: string[] }> {
    const uniqueIds = [...new Set(customerIds)].filter(Boolean).sort()
    if (!uniqueIds.length) {
      return { accounts: [], created_ids: [] }
    }

    const knex = this.knex_(sharedContext)
    const newIds = uniqueIds.map(() => generateEntityId(undefined, "lpacc"))
    const inserted: { id: string }[] = (
      await knex.raw(
        `INSERT INTO ${ACCOUNT_TABLE} (id, customer_id)
         SELECT * FROM unnest(?::text[], ?::text[])
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id`,
        [newIds, uniqueIds]
      )
    ).rows

    const accounts = await this.loyaltyAccountService_.list(
      { customer_id: uniqueIds },
      {},
      sharedContext
    )
    return { accounts, created_ids: inserted.map((row) => row.id) }
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

  /** The store's settings, created with their defaults on first read. */
  @InjectManager()
  async loadSettings(@MedusaContext() sharedContext: Context = {}): Promise<LoyaltySettingsDTO> {
    await this.ensureSettings_(sharedContext)
    return (await this.retrieveLoyaltySettings(LOYALTY_SETTINGS_ID, {}, sharedContext)) as LoyaltySettingsDTO
  }

  @InjectManager()
  async changeSettings(
    data: UpdateLoyaltySettings,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsDTO> {
    await this.ensureSettings_(sharedContext)
    await this.updateLoyaltySettings({ id: LOYALTY_SETTINGS_ID, ...data }, sharedContext)
    return await this.loadSettings(sharedContext)
  }

  @InjectTransactionManager()
  protected async ensureSettings_(@MedusaContext() sharedContext: Context = {}) {
    // Concurrent first reads insert once; the defaults come from the table.
    await this.knex_(sharedContext).raw(
      `INSERT INTO crm_loyalty_settings (id) VALUES (?) ON CONFLICT (id) DO NOTHING`,
      [LOYALTY_SETTINGS_ID]
    )
  }

  private knex_(sharedContext: Context): Knex {
    const manager = (sharedContext.transactionManager ??
      sharedContext.manager) as TransactionalManager
    return manager.getTransactionContext() ?? manager.getKnex()
  }
}

export default LoyaltyModuleService
