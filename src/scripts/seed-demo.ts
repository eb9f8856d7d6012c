/**
 * Seeds the demo store used by `npm run demo`:
 *
 *   medusa exec ./src/scripts/seed-demo.ts
 *
 * A "CRM Demo Europe" region (EUR, the system payment provider), a sales
 * channel with its publishable key, a warehouse with manual fulfillment and a
 * standard shipping option, 8 products with EUR prices and stock, 64
 * customers and their orders (0-8 each) spread over the last 18 months, about
 * 10% of them cancelled, the others paid.
 *
 * Everything is written through Medusa's core workflows; only the dates are
 * set afterwards with plain updates (the workflows stamp "now"). The data
 * comes from a seeded PRNG, so every run plans the same store (dates are
 * relative to the day of the run).
 *
 * Idempotent: once a run has finished, the region carries
 * `metadata.crm_demo_seeded_at` and later runs only print the key. A run that
 * was interrupted is resumed: every part is looked up before it is created
 * (orders by `metadata.crm_demo_ref`).
 *
 * The last line of output is machine-readable for scripts/demo.js:
 *   CRM_DEMO_INFO {"publishable_key":"pk_...", ...}
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs, Logger } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  cancelOrderWorkflow,
  createApiKeysWorkflow,
  createCustomersWorkflow,
  createInventoryLevelsWorkflow,
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  markPaymentCollectionAsPaid,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { activatePointsWorkflow } from "../workflows/loyalty/workflows/activate-points"
import { earnOrderPointsWorkflow } from "../workflows/loyalty/workflows/earn-order-points"
import { backfillOrderFacts } from "../workflows/order-facts/run-backfill"
import { seedDemoReviews } from "./demo-reviews"
import { seedDemoSegments } from "./demo-segments"
import { seedDemoSurveys } from "./demo-surveys"
import { seedDemoTickets } from "./demo-tickets"
import { ensureLoyaltyAccountsWorkflow } from "../workflows/loyalty/workflows/ensure-loyalty-accounts"
import { expirePointsWorkflow } from "../workflows/loyalty/workflows/expire-points"
import {
  cancelReversalOf,
  reverseOrderPointsWorkflow,
} from "../workflows/loyalty/workflows/reverse-order-points"

export const DEMO_REGION_NAME = "CRM Demo Europe"
export const DEMO_SALES_CHANNEL_NAME = "CRM Demo Webshop"
export const DEMO_API_KEY_TITLE = "CRM Demo Webshop"
const DEMO_STOCK_LOCATION_NAME = "CRM Demo Warehouse"
const DEMO_FULFILLMENT_SET_NAME = "CRM Demo Warehouse delivery"
const DEMO_SHIPPING_OPTION_NAME = "Standard Shipping"
const DEMO_EMAIL_DOMAIN = "crm-demo.local"
const SEEDED_MARKER = "crm_demo_seeded_at"
const ORDER_REF_KEY = "crm_demo_ref"

const PRNG_SEED = 0x5eed_c4a1
const CUSTOMER_COUNT = 64
const HISTORY_DAYS = 548 // 18 months
const CANCEL_RATE = 0.1
const SHIPPING_PRICE = 4.95
const FREE_SHIPPING_FROM = 75
const CURRENCY = "eur"
const PAYMENT_PROVIDER = "pp_system_default"
const FULFILLMENT_PROVIDER = "manual_manual"
const DAY_MS = 24 * 60 * 60 * 1000
const ORDER_CONCURRENCY = Number(process.env.CRM_DEMO_SEED_CONCURRENCY || 4)

/** mulberry32: a small, fast, seeded PRNG. */
function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]
  const weighted = (weights: readonly number[]) => {
    const total = weights.reduce((sum, weight) => sum + weight, 0)
    let roll = next() * total
    for (let index = 0; index < weights.length; index++) {
      roll -= weights[index]
      if (roll < 0) {
        return index
      }
    }
    return weights.length - 1
  }
  return { next, int, pick, weighted }
}

/** Runs `work` over `items` with at most `concurrency` at once, in order. */
async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>
) {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      await work(items[next++])
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}

// --- The catalogue -----------------------------------------------------------

const COUNTRIES = ["de", "fr", "nl", "be", "at", "es", "it", "dk"] as const
type Country = (typeof COUNTRIES)[number]

type Place = { city: string; postal_code: string; street: string; phone: string }

const PLACES: Record<Country, Place[]> = {
  de: [
    { city: "Berlin", postal_code: "10115", street: "Invalidenstraße", phone: "+49 30" },
    { city: "Hamburg", postal_code: "20095", street: "Mönckebergstraße", phone: "+49 40" },
    { city: "München", postal_code: "80331", street: "Sendlinger Straße", phone: "+49 89" },
  ],
  fr: [
    { city: "Paris", postal_code: "75011", street: "Rue Oberkampf", phone: "+33 1" },
    { city: "Lyon", postal_code: "69002", street: "Rue de la République", phone: "+33 4" },
  ],
  nl: [
    { city: "Amsterdam", postal_code: "1015 CJ", street: "Prinsengracht", phone: "+31 20" },
    { city: "Utrecht", postal_code: "3511 LN", street: "Oudegracht", phone: "+31 30" },
  ],
  be: [
    { city: "Brussel", postal_code: "1000", street: "Rue Neuve", phone: "+32 2" },
    { city: "Gent", postal_code: "9000", street: "Veldstraat", phone: "+32 9" },
  ],
  at: [{ city: "Wien", postal_code: "1070", street: "Mariahilfer Straße", phone: "+43 1" }],
  es: [
    { city: "Madrid", postal_code: "28013", street: "Calle Mayor", phone: "+34 91" },
    { city: "Barcelona", postal_code: "08002", street: "Carrer de Ferran", phone: "+34 93" },
  ],
  it: [
    { city: "Milano", postal_code: "20121", street: "Via Brera", phone: "+39 02" },
    { city: "Roma", postal_code: "00186", street: "Via del Corso", phone: "+39 06" },
  ],
  dk: [{ city: "København", postal_code: "1050", street: "Strøget", phone: "+45 33" }],
}

const FIRST_NAMES = [
  "Anna", "Lukas", "Sophie", "Jonas", "Marie", "Felix", "Emma", "Noah", "Léa", "Hugo",
  "Chloé", "Louis", "Sanne", "Daan", "Fleur", "Bram", "Lotte", "Wout", "Lucía", "Pablo",
  "Carmen", "Diego", "Giulia", "Marco", "Chiara", "Luca", "Freja", "Magnus", "Ida", "Emil",
  "Clara", "Paul",
] as const
const LAST_NAMES = [
  "Müller", "Schmidt", "Weber", "Becker", "Dubois", "Laurent", "Moreau", "Bernard", "de Vries",
  "Jansen", "Visser", "Peeters", "Maes", "Huber", "Gruber", "García", "Martínez", "López",
  "Rossi", "Russo", "Bianchi", "Ferrari", "Jensen", "Nielsen", "Hansen", "Fischer", "Wagner",
  "Lefebvre", "Bakker", "Janssens", "Romano", "Sánchez",
] as const

type ProductSeed = {
  handle: string
  title: string
  description: string
  weight: number
  option: { title: string; values: { value: string; price: number }[] }
  sku: string
}

const PRODUCTS: ProductSeed[] = [
  {
    handle: "crm-demo-organic-tee",
    title: "Organic Cotton T-Shirt",
    description: "A heavyweight tee in GOTS-certified organic cotton.",
    weight: 220,
    sku: "TEE",
    option: {
      title: "Size",
      values: ["S", "M", "L", "XL"].map((value) => ({ value, price: 24.9 })),
    },
  },
  {
    handle: "crm-demo-merino-hoodie",
    title: "Merino Hoodie",
    description: "Warm, breathable merino wool hoodie for every season.",
    weight: 540,
    sku: "HOODIE",
    option: {
      title: "Size",
      values: ["S", "M", "L", "XL"].map((value) => ({ value, price: 89 })),
    },
  },
  {
    handle: "crm-demo-everyday-sneakers",
    title: "Everyday Sneakers",
    description: "Minimal leather sneakers with a recycled rubber sole.",
    weight: 900,
    sku: "SNEAKER",
    option: {
      title: "Size",
      values: ["39", "40", "41", "42", "43", "44"].map((value) => ({ value, price: 119 })),
    },
  },
  {
    handle: "crm-demo-wool-beanie",
    title: "Wool Beanie",
    description: "A ribbed beanie knitted from soft lambswool.",
    weight: 90,
    sku: "BEANIE",
    option: {
      title: "Color",
      values: ["Grey", "Navy", "Ochre"].map((value) => ({ value, price: 29 })),
    },
  },
  {
    handle: "crm-demo-canvas-tote",
    title: "Canvas Tote Bag",
    description: "A sturdy tote in waxed canvas with an inner pocket.",
    weight: 350,
    sku: "TOTE",
    option: {
      title: "Color",
      values: ["Natural", "Black"].map((value) => ({ value, price: 34.5 })),
    },
  },
  {
    handle: "crm-demo-ceramic-mug",
    title: "Ceramic Coffee Mug",
    description: "Hand-glazed stoneware mug, 350 ml.",
    weight: 380,
    sku: "MUG",
    option: {
      title: "Color",
      values: ["White", "Sand", "Slate"].map((value) => ({ value, price: 16 })),
    },
  },
  {
    handle: "crm-demo-leather-notebook",
    title: "Leather Notebook",
    description: "Refillable notebook with a vegetable-tanned leather cover.",
    weight: 300,
    sku: "NOTEBOOK",
    option: {
      title: "Format",
      values: [
        { value: "A5", price: 39 },
        { value: "A6", price: 29 },
      ],
    },
  },
  {
    handle: "crm-demo-water-bottle",
    title: "Insulated Water Bottle",
    description: "Double-walled stainless steel bottle that keeps drinks cold for 24 hours.",
    weight: 420,
    sku: "BOTTLE",
    option: {
      title: "Volume",
      values: [
        { value: "500 ml", price: 27 },
        { value: "750 ml", price: 32 },
      ],
    },
  },
]

const variantSku = (product: ProductSeed, value: string) =>
  `CRM-DEMO-${product.sku}-${value.replace(/\s+/g, "").toUpperCase()}`

// --- The plan (pure, deterministic) -----------------------------------------

type PlannedCustomer = {
  email: string
  first_name: string
  last_name: string
  phone: string
  country: Country
  address: { address_1: string; city: string; postal_code: string }
  created_at: Date
}

type PlannedOrder = {
  ref: string
  email: string
  created_at: Date
  cancelled: boolean
  items: { sku: string; quantity: number }[]
}

/** Plans every customer and order from the PRNG; dates relative to `now`. */
export function planDemoData(now: Date) {
  const random = createRandom(PRNG_SEED)
  const customers: PlannedCustomer[] = []
  const orders: PlannedOrder[] = []
  const skus = PRODUCTS.flatMap((product) =>
    product.option.values.map(({ value }) => variantSku(product, value))
  )
  // Orders per customer (0..8): most have a few, some none, a few are loyal.
  const orderCountWeights = [6, 14, 16, 14, 12, 10, 8, 6, 4]

  for (let index = 1; index <= CUSTOMER_COUNT; index++) {
    const number = String(index).padStart(2, "0")
    const email = `demo.customer${number}@${DEMO_EMAIL_DOMAIN}`
    const country = random.pick(COUNTRIES)
    const place = random.pick(PLACES[country])
    const orderCount = random.weighted(orderCountWeights)

    // Recent months see a little more business than older ones.
    const orderDates = Array.from({ length: orderCount }, () => {
      const daysAgo = HISTORY_DAYS * Math.pow(random.next(), 1.25)
      const date = new Date(now.getTime() - daysAgo * DAY_MS)
      date.setUTCHours(random.int(7, 21), random.int(0, 59), random.int(0, 59), 0)
      return date.getTime() > now.getTime() ? new Date(now.getTime() - 60_000) : date
    }).sort((a, b) => a.getTime() - b.getTime())

    const firstSeen = orderDates.length
      ? orderDates[0].getTime() - random.int(0, 45) * DAY_MS - random.int(1, 600) * 60_000
      : now.getTime() - random.next() * HISTORY_DAYS * DAY_MS
    customers.push({
      email,
      first_name: random.pick(FIRST_NAMES),
      last_name: random.pick(LAST_NAMES),
      phone: `${place.phone} ${random.int(100000, 999999)}`,
      country,
      address: {
        address_1: `${place.street} ${random.int(1, 180)}`,
        city: place.city,
        postal_code: place.postal_code,
      },
      created_at: new Date(Math.max(firstSeen, now.getTime() - (HISTORY_DAYS + 45) * DAY_MS)),
    })

    orderDates.forEach((created_at, orderIndex) => {
      const lineCount = random.weighted([55, 30, 15]) + 1
      const chosen = new Set<string>()
      while (chosen.size < lineCount) {
        chosen.add(random.pick(skus))
      }
      orders.push({
        ref: `c${number}-o${orderIndex + 1}`,
        email,
        created_at,
        cancelled: random.next() < CANCEL_RATE,
        items: [...chosen].map((sku) => ({ sku, quantity: random.weighted([70, 22, 8]) + 1 })),
      })
    })
  }

  // Created oldest first, so display ids follow the dates.
  orders.sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
  return { customers, orders }
}

// --- Seeding -----------------------------------------------------------------

export default async function seedDemo({ container }: ExecArgs) {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const started = Date.now()
  const step = (message: string) =>
    logger.info(`[crm-demo] ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`)

  // Untyped on purpose: the generated entity types exist only after a build.
  const list = async (
    entity: string,
    fields: string[],
    filters: Record<string, unknown>
  ): Promise<any[]> => (await query.graph({ entity, fields, filters })).data
  const findOne = async (entity: string, fields: string[], filters: Record<string, unknown>) =>
    (await list(entity, fields, filters))[0]

  const printInfo = (info: Record<string, unknown>) => {
    process.stdout.write(`CRM_DEMO_INFO ${JSON.stringify(info)}\n`)
  }

  let region = await findOne("region", ["id", "metadata"], { name: DEMO_REGION_NAME })
  if (region?.metadata?.[SEEDED_MARKER]) {
    const key = await findOne("api_key", ["id", "token"], {
      title: DEMO_API_KEY_TITLE,
      type: "publishable",
    })
    logger.info(
      `[crm-demo] The demo store was seeded on ${region.metadata[SEEDED_MARKER]}; nothing to do.`
    )
    printInfo({ publishable_key: key?.token ?? null, region_id: region.id, seeded: false })
    return
  }
  if (region) {
    logger.info("[crm-demo] Resuming an interrupted seed: existing demo data is kept.")
  }

  // Region, taxes, store currency.
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: DEMO_REGION_NAME,
            currency_code: CURRENCY,
            countries: [...COUNTRIES],
            payment_providers: [PAYMENT_PROVIDER],
            metadata: { crm_demo: true },
          },
        ],
      },
    })
    region = result[0]
  }
  const taxRegions = await list("tax_region", ["id", "country_code"], {
    country_code: [...COUNTRIES],
  })
  const missingTaxCountries = COUNTRIES.filter(
    (country) => !taxRegions.some((taxRegion) => taxRegion.country_code === country)
  )
  if (missingTaxCountries.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missingTaxCountries.map((country_code) => ({
        country_code,
        provider_id: "tp_system",
      })),
    })
  }
  const store = await findOne(
    "store",
    ["id", "supported_currencies.currency_code", "supported_currencies.is_default"],
    {}
  )
  const storeCurrencies: { currency_code: string; is_default?: boolean }[] =
    store?.supported_currencies ?? []
  if (store && !storeCurrencies.some((currency) => currency.currency_code === CURRENCY)) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          supported_currencies: [
            ...storeCurrencies.map(({ currency_code, is_default }) => ({
              currency_code,
              is_default: !!is_default,
            })),
            { currency_code: CURRENCY, is_default: !storeCurrencies.some((c) => c.is_default) },
          ],
        },
      },
    })
  }
  step("Region, tax regions and store currency ready")

  // Sales channel and its publishable key.
  let salesChannel = await findOne("sales_channel", ["id"], { name: DEMO_SALES_CHANNEL_NAME })
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: {
        salesChannelsData: [
          { name: DEMO_SALES_CHANNEL_NAME, description: "Web shop of the CRM demo store" },
        ],
      },
    })
    salesChannel = result[0]
  }
  let apiKey = await findOne("api_key", ["id", "token", "sales_channels.id"], {
    title: DEMO_API_KEY_TITLE,
    type: "publishable",
  })
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: DEMO_API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    apiKey = { ...result[0], sales_channels: [] }
  }
  if (!apiKey.sales_channels?.some((channel: { id: string }) => channel.id === salesChannel.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: apiKey.id, add: [salesChannel.id] },
    })
  }
  step("Sales channel and publishable key ready")

  // Warehouse, fulfillment and shipping.
  let location = await findOne("stock_location", ["id"], { name: DEMO_STOCK_LOCATION_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: DEMO_STOCK_LOCATION_NAME,
            address: {
              address_1: "Lagerstraße 1",
              city: "Berlin",
              postal_code: "10117",
              country_code: "DE",
            },
          },
        ],
      },
    })
    location = result[0]
  }
  location = await findOne(
    "stock_location",
    [
      "id",
      "sales_channels.id",
      "fulfillment_providers.id",
      "fulfillment_sets.id",
      "fulfillment_sets.name",
      "fulfillment_sets.service_zones.id",
    ],
    { id: location.id }
  )
  if (!location.sales_channels?.some((channel: { id: string }) => channel.id === salesChannel.id)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannel.id] },
    })
  }
  const hasProvider = location.fulfillment_providers?.some(
    (provider: { id: string }) => provider.id === FULFILLMENT_PROVIDER
  )
  if (!hasProvider) {
    await createLinksWorkflow(container).run({
      input: [
        {
          [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
          [Modules.FULFILLMENT]: { fulfillment_provider_id: FULFILLMENT_PROVIDER },
        },
      ],
    })
  }
  let fulfillmentSet = location.fulfillment_sets?.find(
    (set: { name: string }) => set.name === DEMO_FULFILLMENT_SET_NAME
  )
  if (!fulfillmentSet) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: {
        location_id: location.id,
        fulfillment_set_data: { name: DEMO_FULFILLMENT_SET_NAME, type: "shipping" },
      },
    })
    fulfillmentSet = await findOne("fulfillment_set", ["id", "service_zones.id"], {
      name: DEMO_FULFILLMENT_SET_NAME,
    })
  }
  let serviceZoneId: string | undefined = fulfillmentSet.service_zones?.[0]?.id
  if (!serviceZoneId) {
    const { result } = await createServiceZonesWorkflow(container).run({
      input: {
        data: [
          {
            fulfillment_set_id: fulfillmentSet.id,
            name: "Europe",
            geo_zones: COUNTRIES.map((country_code) => ({
              type: "country" as const,
              country_code,
            })),
          },
        ],
      },
    })
    serviceZoneId = result[0].id
  }
  let shippingProfile = await findOne("shipping_profile", ["id"], { type: "default" })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    shippingProfile = result[0]
  }
  let shippingOption = await findOne("shipping_option", ["id"], {
    name: DEMO_SHIPPING_OPTION_NAME,
    service_zone_id: serviceZoneId,
  })
  if (!shippingOption) {
    const { result } = await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name: DEMO_SHIPPING_OPTION_NAME,
          price_type: "flat",
          provider_id: FULFILLMENT_PROVIDER,
          service_zone_id: serviceZoneId,
          shipping_profile_id: shippingProfile.id,
          type: {
            label: "Standard",
            description: "Delivered in 2-4 working days.",
            code: "standard",
          },
          prices: [
            { currency_code: CURRENCY, amount: SHIPPING_PRICE },
            { region_id: region.id, amount: SHIPPING_PRICE },
          ],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        },
      ],
    })
    shippingOption = result[0]
  }
  step("Warehouse, fulfillment and shipping option ready")

  // Products, prices and stock.
  const existingProducts = await list("product", ["id", "handle"], {
    handle: PRODUCTS.map((product) => product.handle),
  })
  const missingProducts = PRODUCTS.filter(
    (product) => !existingProducts.some((existing) => existing.handle === product.handle)
  )
  if (missingProducts.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missingProducts.map((product) => ({
          title: product.title,
          handle: product.handle,
          description: product.description,
          weight: product.weight,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfile.id,
          sales_channels: [{ id: salesChannel.id }],
          options: [
            {
              title: product.option.title,
              values: product.option.values.map(({ value }) => value),
            },
          ],
          variants: product.option.values.map(({ value, price }) => ({
            title: value,
            sku: variantSku(product, value),
            manage_inventory: true,
            options: { [product.option.title]: value },
            prices: [{ currency_code: CURRENCY, amount: price }],
          })),
        })),
      },
    })
  }
  const variants = await list(
    "variant",
    [
      "id",
      "sku",
      "title",
      "product.title",
      "prices.amount",
      "prices.currency_code",
      "inventory_items.inventory_item_id",
      "inventory_items.inventory.location_levels.location_id",
    ],
    { sku: PRODUCTS.flatMap((p) => p.option.values.map(({ value }) => variantSku(p, value))) }
  )
  const stockRandom = createRandom(PRNG_SEED ^ 0x570c)
  const missingLevels = variants
    .flatMap((variant) => variant.inventory_items ?? [])
    .filter(
      (link: any) =>
        !link.inventory?.location_levels?.some(
          (level: { location_id: string }) => level.location_id === location.id
        )
    )
    .map((link: any) => ({
      inventory_item_id: link.inventory_item_id as string,
      location_id: location.id as string,
      stocked_quantity: stockRandom.int(60, 400),
    }))
  if (missingLevels.length) {
    await createInventoryLevelsWorkflow(container).run({
      input: { inventory_levels: missingLevels },
    })
  }
  step(`${PRODUCTS.length} products with ${variants.length} variants, prices and stock ready`)

  // Customers.
  const plan = planDemoData(new Date())
  const customerRows = () =>
    list("customer", ["id", "email"], { email: plan.customers.map((customer) => customer.email) })
  let customers = await customerRows()
  const missingCustomers = plan.customers.filter(
    (planned) => !customers.some((customer) => customer.email === planned.email)
  )
  if (missingCustomers.length) {
    await createCustomersWorkflow(container).run({
      input: {
        customersData: missingCustomers.map((customer) => ({
          email: customer.email,
          first_name: customer.first_name,
          last_name: customer.last_name,
          phone: customer.phone,
          // Registered members (they earn points); demo customers cannot log in.
          has_account: true,
          metadata: { crm_demo: true },
          addresses: [
            {
              first_name: customer.first_name,
              last_name: customer.last_name,
              ...customer.address,
              country_code: customer.country,
              phone: customer.phone,
              is_default_shipping: true,
              is_default_billing: true,
            },
          ],
        })),
      },
    })
    customers = await customerRows()
  }
  const customerIdByEmail = new Map<string, string>(customers.map((c) => [c.email, c.id]))
  const plannedCustomerByEmail = new Map(plan.customers.map((c) => [c.email, c]))
  step(`${plan.customers.length} customers ready`)

  // Orders: created oldest first, paid unless they are to be cancelled.
  const variantBySku = new Map<string, any>(variants.map((variant) => [variant.sku, variant]))
  const existingOrders = await list(
    "order",
    ["id", "status", "metadata", "payment_collections.id", "payment_collections.status"],
    { customer_id: [...customerIdByEmail.values()] }
  )
  const orderByRef = new Map<string, any>(
    existingOrders
      .filter((order) => order.metadata?.[ORDER_REF_KEY])
      .map((order) => [order.metadata[ORDER_REF_KEY], order])
  )
  let created = 0
  const seedOrder = async (planned: PlannedOrder) => {
    let order = orderByRef.get(planned.ref)
    if (!order) {
      const customer = plannedCustomerByEmail.get(planned.email)!
      const address = {
        first_name: customer.first_name,
        last_name: customer.last_name,
        ...customer.address,
        country_code: customer.country,
        phone: customer.phone,
      }
      const items = planned.items.map(({ sku, quantity }) => {
        const variant = variantBySku.get(sku)
        const price = variant.prices.find(
          (p: { currency_code: string }) => p.currency_code === CURRENCY
        )
        return {
          variant_id: variant.id as string,
          title: `${variant.product.title} (${variant.title})`,
          quantity,
          unit_price: Number(price.amount),
          is_tax_inclusive: false,
        }
      })
      const subtotal = items.reduce((sum, item) => sum + item.unit_price * item.quantity, 0)
      const { result } = await createOrderWorkflow(container).run({
        input: {
          region_id: region.id,
          sales_channel_id: salesChannel.id,
          customer_id: customerIdByEmail.get(planned.email),
          email: planned.email,
          currency_code: CURRENCY,
          shipping_address: address,
          billing_address: address,
          items,
          shipping_methods: [
            {
              name: DEMO_SHIPPING_OPTION_NAME,
              shipping_option_id: shippingOption.id,
              amount: subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_PRICE,
            },
          ],
          no_notification: true,
          metadata: { [ORDER_REF_KEY]: planned.ref, crm_demo: true },
        },
      })
      order = { id: result.id, status: result.status, payment_collections: [] }
      orderByRef.set(planned.ref, order)
      created++
      if (created % 50 === 0) {
        step(`${created} orders created`)
      }
    }

    if (planned.cancelled) {
      if (order.status !== "canceled") {
        await cancelOrderWorkflow(container).run({ input: { order_id: order.id } })
        order.status = "canceled"
      }
    } else {
      // An interrupted run may have left a collection that is not paid yet.
      let collection = order.payment_collections?.[0]
      if (!collection) {
        const [totals] = await list("order", ["id", "total"], { id: order.id })
        const { result } = await createOrderPaymentCollectionWorkflow(container).run({
          input: { order_id: order.id, amount: Number(totals.total) },
        })
        collection = { id: result[0].id, status: result[0].status }
        order.payment_collections = [collection]
      }
      if (collection.status !== "completed") {
        await markPaymentCollectionAsPaid(container).run({
          input: {
            order_id: order.id,
            payment_collection_id: collection.id,
            provider_id: PAYMENT_PROVIDER,
          },
        })
        collection.status = "completed"
      }
    }
  }
  // A few at a time (oldest first): most of a workflow run is waiting on the
  // database, so this roughly halves the time on two cores.
  await runPool(plan.orders, ORDER_CONCURRENCY, seedOrder)
  step(`${plan.orders.length} orders ready (${created} created now)`)

  // The workflows stamp "now": move customers and orders to their planned dates.
  await knex.transaction(async (trx) => {
    for (const customer of plan.customers) {
      await trx("customer")
        .where({ id: customerIdByEmail.get(customer.email) })
        .update({ created_at: customer.created_at, updated_at: customer.created_at })
    }
    for (const planned of plan.orders) {
      const order = orderByRef.get(planned.ref)
      const at = planned.created_at
      const closedAt = new Date(at.getTime() + 36 * 60 * 60 * 1000)
      await trx("order")
        .where({ id: order.id })
        .update({
          created_at: at,
          updated_at: planned.cancelled ? closedAt : at,
          ...(planned.cancelled ? { canceled_at: closedAt } : {}),
        })
      for (const { id: collectionId } of order.payment_collections ?? []) {
        const paidAt = new Date(at.getTime() + 60_000)
        await trx("payment_collection")
          .where({ id: collectionId })
          .update({ created_at: at, updated_at: paidAt, completed_at: paidAt })
        const paymentIds = trx("payment")
          .select("id")
          .where({ payment_collection_id: collectionId })
        await trx("capture")
          .whereIn("payment_id", paymentIds)
          .update({ created_at: paidAt, updated_at: paidAt })
        await trx("payment")
          .where({ payment_collection_id: collectionId })
          .update({ created_at: at, updated_at: paidAt, captured_at: paidAt })
      }
    }
  })
  step("Dates spread over the last 18 months")

  // Loyalty, through the plugin's own workflows, as the live store would have
  // done it: earn per order, reverse the cancelled ones, vest what is past its
  // pending days, expire what is past its expiry.
  await ensureLoyaltyAccountsWorkflow(container).run({
    input: { customer_ids: [...customerIdByEmail.values()] },
  })
  await runPool(plan.orders, 4, async (planned) => {
    const order = orderByRef.get(planned.ref)
    await earnOrderPointsWorkflow(container).run({ input: { order_id: order.id } })
    if (planned.cancelled) {
      await reverseOrderPointsWorkflow(container).run({ input: cancelReversalOf(order.id) })
    }
  })
  const now = new Date()
  await activatePointsWorkflow(container).run({ input: { due_before: now, limit: 10_000 } })
  await expirePointsWorkflow(container).run({ input: { now, limit: 10_000 } })
  step("Loyalty points earned, vested and expired")

  // The order history as an installation finds it: the back-fill records
  // its facts and places every member on the tier ladder.
  const facts = await backfillOrderFacts(container)
  step(`Order facts back-filled (${facts.orders} orders), tiers evaluated`)

  const demoProducts = await list("product", ["id"], { handle: PRODUCTS.map((product) => product.handle) })
  const reviewCount = await seedDemoReviews(container, {
    customer_ids: [...customerIdByEmail.values()].slice(0, 40),
    product_ids: demoProducts.map((product) => product.id),
  })
  step(`${reviewCount} product reviews written and moderated`)
  const ticketCount = await seedDemoTickets(container, { customer_ids: [...customerIdByEmail.values()].slice(0, 60) })
  step(`${ticketCount} support tickets opened and answered`)
  const surveyAnswers = await seedDemoSurveys(container, { customer_ids: [...customerIdByEmail.values()] })
  step(`3 surveys defined, ${surveyAnswers} survey answers given`)
  const segments = await seedDemoSegments(container)
  step(`RFM scored; ${segments.segments} segments with ${segments.members} memberships and a win-back promotion (COMEBACK15)`)

  const seededAt = new Date().toISOString()
  await updateRegionsWorkflow(container).run({
    input: {
      selector: { id: region.id },
      update: { metadata: { crm_demo: true, [SEEDED_MARKER]: seededAt } },
    },
  })
  const cancelled = plan.orders.filter((order) => order.cancelled).length
  const counts = `${plan.customers.length} customers, ${plan.orders.length} orders`
  step(`Seeded ${counts} (${cancelled} cancelled)`)
  printInfo({
    publishable_key: apiKey.token,
    region_id: region.id,
    sales_channel_id: salesChannel.id,
    customers: plan.customers.length,
    orders: plan.orders.length,
    cancelled_orders: cancelled,
    seeded: true,
  })
}
