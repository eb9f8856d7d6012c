import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { StoreFixtures } from "./store"

export type ShippingFixtures = {
  /** The warehouse the order is fulfilled from. */
  locationId: string
  /** "Standard" shipping, `price` EUR flat, to Germany and France. */
  shippingOptionId: string
  /** Free returns to the warehouse. */
  returnOptionId: string
  price: number
}

/**
 * Shipping for the shop of `createStoreFixtures`, set up with Medusa's own
 * workflows as a merchant does in the admin (and as `src/scripts/seed-demo.ts`
 * does): a warehouse selling through the fixture's sales channel and shipping
 * with the manual provider, a shipping fulfilment set with a service zone
 * for the region's countries, the default shipping profile, a flat-priced
 * shipping option, and the fixture's product in that profile (without a
 * profile its items need no shipping and cannot be fulfilled with it).
 */
export async function createShippingFixtures(
  container: MedusaContainer,
  fixtures: StoreFixtures,
  price = 5
): Promise<ShippingFixtures> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Warehouse", address: { address_1: "Lagerstraße 1", city: "Berlin", country_code: "DE" } }] },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [fixtures.salesChannelId] },
  })
  await createLinksWorkflow(container).run({
    input: [
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      },
    ],
  })

  await createLocationFulfillmentSetWorkflow(container).run({
    input: { location_id: location.id, fulfillment_set_data: { name: "Warehouse shipping", type: "shipping" } },
  })
  const {
    data: [{ fulfillment_sets }],
  } = await query.graph({ entity: "stock_location", fields: ["fulfillment_sets.id"], filters: { id: location.id } })
  const {
    result: [zone],
  } = await createServiceZonesWorkflow(container).run({
    input: {
      data: [
        {
          fulfillment_set_id: fulfillment_sets![0]!.id,
          name: "Europe",
          geo_zones: ["de", "fr"].map((country_code) => ({ type: "country" as const, country_code })),
        },
      ],
    },
  })

  // A store's first `db:migrate` creates this profile (a migration script); the
  // test runner's database starts without one.
  const {
    data: [existingProfile],
  } = await query.graph({ entity: "shipping_profile", fields: ["id"], filters: { type: "default" } })
  const profileId =
    existingProfile?.id ??
    (
      await createShippingProfilesWorkflow(container).run({
        input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
      })
    ).result[0].id

  const {
    data: [variant],
  } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id: fixtures.variantId } })
  await updateProductsWorkflow(container).run({
    input: { products: [{ id: variant.product_id!, shipping_profile_id: profileId }] },
  })

  const {
    result: [option, returnOption],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: zone.id,
        shipping_profile_id: profileId,
        type: { label: "Standard", description: "2-4 working days.", code: "standard" },
        prices: [{ currency_code: "eur", amount: price }],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
      {
        name: "Return",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: zone.id,
        shipping_profile_id: profileId,
        type: { label: "Return", description: "Free returns.", code: "return" },
        prices: [{ currency_code: "eur", amount: 0 }],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "true", operator: "eq" },
        ],
      },
    ],
  })

  return { locationId: location.id, shippingOptionId: option.id, returnOptionId: returnOption.id, price }
}
