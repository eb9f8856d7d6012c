import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import type { AdminLoyaltyAccount } from "../../types"
import { AdjustPointsDrawer } from "../components/adjust-points-drawer"
import { CustomerTierProgress } from "../components/customer-tier-progress"
import { LoadError } from "../components/load-error"
import { LoyaltyActivity } from "../components/loyalty-activity"
import { ReferralRows } from "../components/referral-rows"
import { SectionRow } from "../components/section-row"
import { useCustomerLoyalty } from "../hooks/loyalty"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"

/**
 * The customer's loyalty account on the customer page, under the addresses:
 * balances, the tier and the way to the next one, the referral code, the
 * whole ledger (paged) and an "Adjust points" drawer.
 * Everything is rendered as React text children (escaped); no HTML is ever
 * injected from data.
 */
const CustomerLoyaltyWidget = ({
  data: customer,
}: DetailWidgetProps<AdminCustomer>) => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const { loyalty_account, isPending, isError, error, refetch, isFetching } =
    useCustomerLoyalty(customer?.id ?? "")

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">{t("loyalty.title")}</Heading>
        {loyalty_account && customer?.id ? (
          <AdjustPointsDrawer
            customerId={customer.id}
            availablePoints={availablePoints(loyalty_account)}
            i18n={i18n}
          />
        ) : null}
      </div>

      {isPending ? (
        <LoyaltySkeleton label={t("loyalty.loading")} />
      ) : isError ? (
        <LoadError
          title={t("loyalty.errorTitle")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : !loyalty_account ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("loyalty.noAccount")}
          </Text>
        </div>
      ) : (
        <LoyaltyAccountDetails
          customerId={loyalty_account.customer_id}
          account={loyalty_account}
          i18n={i18n}
        />
      )}
    </Container>
  )
}

/** Spendable points (the balance without what open carts hold). */
const availablePoints = (account: AdminLoyaltyAccount) => account.available_points

/**
 * Referral fields, optional here so the widget works with a backend that
 * does not send them yet.
 */
type ReferralFields = {
  referral_code?: string | null
  referred_by_customer_id?: string | null
}

const LoyaltyAccountDetails = ({
  customerId,
  account,
  i18n,
}: {
  customerId: string
  account: AdminLoyaltyAccount & ReferralFields
  i18n: CrmTranslation
}) => {
  const { t, formatNumber, formatDate } = i18n
  const hasNoPoints =
    account.points_balance === 0 &&
    account.pending_points === 0 &&
    account.held_points === 0 &&
    account.lifetime_points === 0
  const soonestExpiry = [...(account.expiring_points ?? [])].sort(
    (a, b) => Date.parse(a.expires_at) - Date.parse(b.expires_at)
  )[0]

  return (
    <>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Text size="small" weight="plus" leading="compact" className="text-ui-fg-subtle">
          {t("loyalty.availablePoints")}
        </Text>
        <Text
          size="xlarge"
          weight="plus"
          leading="compact"
          className="text-ui-fg-base tabular-nums"
        >
          {formatNumber(availablePoints(account))}
        </Text>
        {hasNoPoints ? (
          <Text size="small" leading="compact" className="text-ui-fg-muted">
            {t("loyalty.noPointsYet")}
          </Text>
        ) : soonestExpiry ? (
          <Text size="small" leading="compact" className="text-ui-fg-muted">
            {t("loyalty.expiring", {
              points: formatNumber(soonestExpiry.points),
              date: formatDate(soonestExpiry.expires_at),
            })}
          </Text>
        ) : null}
      </div>
      <SectionRow
        title={t("loyalty.pendingPoints")}
        value={formatNumber(account.pending_points)}
      />
      <SectionRow
        title={t("loyalty.heldPoints")}
        value={formatNumber(account.held_points)}
      />
      <SectionRow
        title={t("loyalty.lifetimePoints")}
        value={formatNumber(account.lifetime_points)}
      />
      <CustomerTierProgress account={account} i18n={i18n} />
      <SectionRow
        title={t("loyalty.memberSince")}
        value={formatDate(account.created_at)}
      />
      <ReferralRows
        referralCode={account.referral_code}
        referredByCustomerId={account.referred_by_customer_id}
        i18n={i18n}
      />
      <LoyaltyActivity customerId={customerId} i18n={i18n} />
    </>
  )
}

const LoyaltySkeleton = ({ label }: { label: string }) => (
  <>
    <div
      className="flex flex-col gap-y-2 px-6 py-4"
      role="status"
      aria-busy="true"
      aria-label={label}
    >
      <Skeleton className="h-4 w-28" />
      <Skeleton className="h-7 w-20" />
    </div>
    {[0, 1, 2, 3, 4].map((row) => (
      <div key={row} className="grid grid-cols-2 items-center gap-4 px-6 py-4">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-4 w-16" />
      </div>
    ))}
  </>
)

export const config = defineWidgetConfig({
  zone: "customer.details.side.after",
  // Explicit, plugin-prefixed id: the derived one is a short hash of the file
  // path and is what the dashboard keys layout customisations on.
  id: "crm-customer-loyalty",
})

export default CustomerLoyaltyWidget
