import { Copy, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useCustomerSummary, type CustomerSummary } from "../hooks/loyalty"
import type { CrmTranslation } from "../lib/i18n"
import { SectionRow } from "./section-row"

type ReferralRowsProps = {
  /** Missing on a backend that does not have referrals yet: no row then. */
  referralCode?: string | null
  /** The customer whose code this one signed up with. */
  referredByCustomerId?: string | null
  i18n: CrmTranslation
}

const displayName = (customer: CustomerSummary) =>
  [customer.first_name, customer.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ") ||
  customer.email ||
  customer.id

/** The account's referral code (copyable) and who referred the customer. */
export const ReferralRows = ({ referralCode, referredByCustomerId, i18n }: ReferralRowsProps) => {
  const { t } = i18n

  return (
    <>
      {referralCode ? (
        <SectionRow
          title={t("loyalty.referralCode")}
          value={
            <>
              <Text size="small" leading="compact" className="text-ui-fg-base font-mono break-all">
                {referralCode}
              </Text>
              <Copy
                content={referralCode}
                className="text-ui-fg-muted"
                aria-label={t("loyalty.copyReferralCode")}
              />
            </>
          }
        />
      ) : null}
      {referredByCustomerId ? (
        <SectionRow
          title={t("loyalty.referredBy")}
          value={<ReferrerLink customerId={referredByCustomerId} />}
        />
      ) : null}
    </>
  )
}

/** The referrer's name (or e-mail), else the id while loading or once deleted. */
const ReferrerLink = ({ customerId }: { customerId: string }) => {
  const { data: customer } = useCustomerSummary(customerId)

  return (
    <Link
      to={`/customers/${encodeURIComponent(customerId)}`}
      className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg min-w-0 truncate"
    >
      {customer ? displayName(customer) : customerId}
    </Link>
  )
}
