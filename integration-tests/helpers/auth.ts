import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  generateJwtToken,
  Modules,
} from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import { subscribersOf } from "./events"

export type Headers = { headers: Record<string, string> }

/** An admin user with a signed session token, as the admin dashboard has. */
export async function createAdminUser(
  container: MedusaContainer,
  email = "admin@crm.test"
): Promise<Headers & { userId: string }> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email })
  const authIdentity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })
  const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const token = generateJwtToken(
    {
      actor_id: user.id,
      actor_type: "user",
      auth_identity_id: authIdentity.id,
      app_metadata: { user_id: user.id },
    },
    { secret: http.jwtSecret!, expiresIn: "1d" }
  )
  return { userId: user.id, headers: { authorization: `Bearer ${token}` } }
}

/** A publishable API key, required by every /store route. */
export async function createPublishableKey(container: MedusaContainer): Promise<string> {
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Test storefront", type: "publishable", created_by: "test" }] },
  })
  return result[0].token
}

/**
 * A customer who signs up through the store API exactly as a storefront
 * does: register an identity, create the customer, log in.
 */
export async function registerCustomer(
  api: AxiosInstance,
  publishableKey: string,
  email: string,
  password = "s3cret-pass",
  metadata?: Record<string, unknown>
): Promise<Headers & { customerId: string; token: string }> {
  const storeHeaders = { "x-publishable-api-key": publishableKey }
  const registration = await api.post("/auth/customer/emailpass/register", { email, password })
  const created = await api.post(
    "/store/customers",
    { email, first_name: "Test", last_name: email.split("@")[0], ...(metadata ? { metadata } : {}) },
    { headers: { ...storeHeaders, authorization: `Bearer ${registration.data.token}` } }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  return {
    customerId: created.data.customer.id,
    token: login.data.token,
    headers: { ...storeHeaders, authorization: `Bearer ${login.data.token}` },
  }
}

/** `registerCustomer`, returning once the `customer.created` subscribers (account, bonus, lowest tier) have run. */
export async function registerMember(
  api: AxiosInstance,
  container: MedusaContainer,
  publishableKey: string,
  email: string,
  metadata?: Record<string, unknown>
) {
  const signedUp = subscribersOf(container, "customer.created")
  const customer = await registerCustomer(api, publishableKey, email, undefined, metadata)
  await signedUp
  return customer
}
