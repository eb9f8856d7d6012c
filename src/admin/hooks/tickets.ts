import type { HttpTypes } from "@medusajs/framework/types"
import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  useMutation,
  useQuery,
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query"
import type {
  AdminAddTicketMessage,
  AdminCompensateTicket,
  AdminCreateTicket,
  AdminCreateTicketMacro,
  AdminRenderTicketMacroResponse,
  AdminTicketMacroDeleteResponse,
  AdminTicketMacroResponse,
  AdminTicketMacrosQuery,
  AdminTicketMacrosResponse,
  AdminTicketResponse,
  AdminTicketSettingsResponse,
  AdminTicketStatsQuery,
  AdminTicketStatsResponse,
  AdminTicketsQuery,
  AdminUpdateTicket,
  AdminUpdateTicketMacro,
} from "../../client"
import type { AdminTicketsResponse, UpdateTicketSettings } from "../../types"
import { sdk } from "../lib/sdk"
import { useMutationWithRefresh } from "./mutation-with-refresh"

export type {
  AdminCompensateTicket,
  AdminCreateTicket,
  AdminCreateTicketMacro,
  AdminTicketsQuery,
  AdminUpdateTicket,
  AdminUpdateTicketMacro,
} from "../../client"
export type {
  AdminTicket,
  AdminTicketDetail,
  TicketMacroDTO,
  TicketMessageDTO,
  TicketSettingsDTO,
  TicketStats,
} from "../../types"

/**
 * Query keys for everything tickets in the admin, under "crm" so they never
 * meet the dashboard's own; invalidate `ticketQueryKeys.all` to refresh
 * every ticket query at once.
 */
export const ticketQueryKeys = {
  all: ["crm", "tickets"] as const,
  lists: () => [...ticketQueryKeys.all, "list"] as const,
  list: (query: AdminTicketsQuery) => [...ticketQueryKeys.lists(), query] as const,
  details: () => [...ticketQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...ticketQueryKeys.details(), id] as const,
  allStats: () => [...ticketQueryKeys.all, "stats"] as const,
  stats: (query: AdminTicketStatsQuery) => [...ticketQueryKeys.allStats(), query] as const,
  macros: () => [...ticketQueryKeys.all, "macros"] as const,
  macroList: (query: AdminTicketMacrosQuery) => [...ticketQueryKeys.macros(), "list", query] as const,
  settings: () => [...ticketQueryKeys.all, "settings"] as const,
  staff: () => [...ticketQueryKeys.all, "staff"] as const,
  me: () => [...ticketQueryKeys.all, "me"] as const,
}

const TICKETS_PATH = "/admin/tickets"
const ticketPath = (id: string) => `${TICKETS_PATH}/${encodeURIComponent(id)}`
const MACROS_PATH = "/admin/ticket-macros"
const macroPath = (id: string) => `${MACROS_PATH}/${encodeURIComponent(id)}`
const SETTINGS_PATH = "/admin/ticket-settings"

/**
 * One ticket changed and came back: show it at once, then refetch the
 * lists (inbox, widgets) and the stats its status or category feed.
 */
const refreshTicket = (queryClient: QueryClient, data: AdminTicketResponse) => {
  queryClient.setQueryData(ticketQueryKeys.detail(data.ticket.id), data)
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ticketQueryKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: ticketQueryKeys.detail(data.ticket.id) }),
    queryClient.invalidateQueries({ queryKey: ticketQueryKeys.allStats() }),
  ])
}

const refreshMacros = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: ticketQueryKeys.macros() })

/** A single value or several, as the list routes take them; an empty list is no filter. */
const oneOrMany = <T>(value: T | T[] | undefined) =>
  Array.isArray(value) ? (value.length ? value : undefined) : value

/** The query without empty filters, so equal filters share one cache entry. */
const normalizeQuery = (query: AdminTicketsQuery): AdminTicketsQuery => {
  const q = query.q?.trim()
  const status = oneOrMany(query.status)
  const priority = oneOrMany(query.priority)
  const category = oneOrMany(query.category)
  return {
    limit: query.limit,
    offset: query.offset,
    ...(status ? { status } : {}),
    ...(priority ? { priority } : {}),
    ...(category ? { category } : {}),
    ...(query.assignee_id ? { assignee_id: query.assignee_id } : {}),
    ...(query.overdue ? { overdue: true } : {}),
    ...(query.flagged !== undefined ? { flagged: query.flagged } : {}),
    ...(query.customer_id ? { customer_id: query.customer_id } : {}),
    ...(query.order_id ? { order_id: query.order_id } : {}),
    ...(q ? { q } : {}),
    ...(query.order ? { order: query.order } : {}),
  }
}

export type UseTicketsOptions = Omit<
  UseQueryOptions<
    AdminTicketsResponse,
    FetchError,
    AdminTicketsResponse,
    ReturnType<typeof ticketQueryKeys.list>
  >,
  "queryKey" | "queryFn"
>

/**
 * A page of the inbox (`GET /admin/tickets`) with the count per status and
 * the overdue count. The previous page stays on screen while the next one
 * loads. Returns react-query's result with the answer spread on top.
 */
export const useTickets = (query: AdminTicketsQuery, options?: UseTicketsOptions) => {
  const normalized = normalizeQuery(query)
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    ...options,
    queryKey: ticketQueryKeys.list(normalized),
    queryFn: () => sdk.client.fetch<AdminTicketsResponse>(TICKETS_PATH, { query: normalized }),
  })

  return { ...data, ...rest }
}

export type UseTicketOptions = Omit<
  UseQueryOptions<
    AdminTicketResponse,
    FetchError,
    AdminTicketResponse,
    ReturnType<typeof ticketQueryKeys.detail>
  >,
  "queryKey" | "queryFn"
>

/** One ticket with its conversation and the customer's standing (`GET /admin/tickets/:id`), `ticket` spread on top. */
export const useTicket = (id: string, options?: UseTicketOptions) => {
  const { data, ...rest } = useQuery({
    ...options,
    queryKey: ticketQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminTicketResponse>(ticketPath(id)),
    enabled: id ? (options?.enabled ?? true) : false,
  })

  return { ...data, ...rest }
}

export type UseCreateTicketOptions = UseMutationOptions<AdminTicketResponse, FetchError, AdminCreateTicket>

/** Staff open a ticket for a customer (`POST /admin/tickets`). Options spread first, our `onSuccess` last. */
export const useCreateTicket = (options?: UseCreateTicketOptions) =>
  useMutationWithRefresh(
    options,
    (body: AdminCreateTicket) =>
      sdk.client.fetch<AdminTicketResponse>(TICKETS_PATH, { method: "POST", body }),
    refreshTicket
  )

/** What `useUpdateTicket` takes: the ticket and the fields to change. */
export type UpdateTicketInput = { id: string; body: AdminUpdateTicket }

export type UseUpdateTicketOptions = UseMutationOptions<AdminTicketResponse, FetchError, UpdateTicketInput>

/**
 * Status, priority, category or assignee (`POST /admin/tickets/:id`).
 * Options spread first, our `onSuccess` last.
 */
export const useUpdateTicket = (options?: UseUpdateTicketOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, body }: UpdateTicketInput) =>
      sdk.client.fetch<AdminTicketResponse>(ticketPath(id), { method: "POST", body }),
    refreshTicket
  )

/** What `useAddTicketMessage` takes: the ticket, the text, whether it is an internal note, and a status to move to. */
export type AddTicketMessageInput = { id: string } & AdminAddTicketMessage

export type UseAddTicketMessageOptions = UseMutationOptions<AdminTicketResponse, FetchError, AddTicketMessageInput>

/**
 * A reply to the customer or an internal note (`POST /admin/tickets/:id/messages`),
 * optionally moving the ticket in the same request. Options spread first, our
 * `onSuccess` last.
 */
export const useAddTicketMessage = (options?: UseAddTicketMessageOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, body, internal, status }: AddTicketMessageInput) =>
      sdk.client.fetch<AdminTicketResponse>(`${ticketPath(id)}/messages`, {
        method: "POST",
        body: { body, ...(internal ? { internal: true } : {}), ...(status ? { status } : {}) },
      }),
    refreshTicket
  )

/** What `useCompensateTicket` takes: the ticket and the points or promotion. */
export type CompensateTicketInput = { id: string; body: AdminCompensateTicket }

export type UseCompensateTicketOptions = UseMutationOptions<AdminTicketResponse, FetchError, CompensateTicketInput>

/**
 * Points or a one-time promotion code for the customer
 * (`POST /admin/tickets/:id/compensation`; 409 when that kind was given).
 * Options spread first, our `onSuccess` last.
 */
export const useCompensateTicket = (options?: UseCompensateTicketOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, body }: CompensateTicketInput) =>
      sdk.client.fetch<AdminTicketResponse>(`${ticketPath(id)}/compensation`, { method: "POST", body }),
    refreshTicket
  )

/** Counts and times of a period (`GET /admin/tickets/stats`), `stats` spread on top. */
export const useTicketStats = (query: AdminTicketStatsQuery) => {
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    queryKey: ticketQueryKeys.stats(query),
    queryFn: () => sdk.client.fetch<AdminTicketStatsResponse>(`${TICKETS_PATH}/stats`, { query }),
  })

  return { ...data, ...rest }
}

/** A page of canned responses (`GET /admin/ticket-macros`); the answer spread on top. */
export const useTicketMacros = (query: AdminTicketMacrosQuery = {}, options?: { enabled?: boolean }) => {
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    enabled: options?.enabled ?? true,
    queryKey: ticketQueryKeys.macroList(query),
    queryFn: () => sdk.client.fetch<AdminTicketMacrosResponse>(MACROS_PATH, { query }),
  })

  return { ...data, ...rest }
}

export type UseCreateTicketMacroOptions = UseMutationOptions<
  AdminTicketMacroResponse,
  FetchError,
  AdminCreateTicketMacro
>

/** `POST /admin/ticket-macros`. Options spread first, our `onSuccess` last. */
export const useCreateTicketMacro = (options?: UseCreateTicketMacroOptions) =>
  useMutationWithRefresh(
    options,
    (body: AdminCreateTicketMacro) =>
      sdk.client.fetch<AdminTicketMacroResponse>(MACROS_PATH, { method: "POST", body }),
    refreshMacros
  )

export type UpdateTicketMacroInput = { id: string; body: AdminUpdateTicketMacro }

export type UseUpdateTicketMacroOptions = UseMutationOptions<
  AdminTicketMacroResponse,
  FetchError,
  UpdateTicketMacroInput
>

/** A partial update (`POST /admin/ticket-macros/:id`). Options spread first, our `onSuccess` last. */
export const useUpdateTicketMacro = (options?: UseUpdateTicketMacroOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, body }: UpdateTicketMacroInput) =>
      sdk.client.fetch<AdminTicketMacroResponse>(macroPath(id), { method: "POST", body }),
    refreshMacros
  )

export type UseDeleteTicketMacroOptions = UseMutationOptions<
  AdminTicketMacroDeleteResponse,
  FetchError,
  string
>

/** `DELETE /admin/ticket-macros/:id`, the macro's id given to `mutate`. Options spread first, our `onSuccess` last. */
export const useDeleteTicketMacro = (options?: UseDeleteTicketMacroOptions) =>
  useMutationWithRefresh(
    options,
    (id: string) =>
      sdk.client.fetch<AdminTicketMacroDeleteResponse>(macroPath(id), { method: "DELETE" }),
    refreshMacros
  )

export type RenderTicketMacroInput = { macroId: string; ticketId: string }

/**
 * A canned response filled in for one ticket
 * (`POST /admin/ticket-macros/:id/render`): nothing is written, so nothing
 * to refresh.
 */
export const useRenderTicketMacro = (
  options?: UseMutationOptions<AdminRenderTicketMacroResponse, FetchError, RenderTicketMacroInput>
) =>
  useMutation({
    ...options,
    mutationFn: ({ macroId, ticketId }: RenderTicketMacroInput) =>
      sdk.client.fetch<AdminRenderTicketMacroResponse>(`${macroPath(macroId)}/render`, {
        method: "POST",
        body: { ticket_id: ticketId },
      }),
  })

/** SLA targets, business hours, auto-close and escalation e-mail (`GET /admin/ticket-settings`), `settings` spread on top. */
export const useTicketSettings = () => {
  const { data, ...rest } = useQuery({
    queryKey: ticketQueryKeys.settings(),
    queryFn: () => sdk.client.fetch<AdminTicketSettingsResponse>(SETTINGS_PATH),
  })

  return { ...data, ...rest }
}

export type UseUpdateTicketSettingsOptions = UseMutationOptions<
  AdminTicketSettingsResponse,
  FetchError,
  UpdateTicketSettings
>

/**
 * Changes the given settings (`POST /admin/ticket-settings`): send only the
 * fields that changed. Options spread first, our `onSuccess` last.
 */
export const useUpdateTicketSettings = (options?: UseUpdateTicketSettingsOptions) =>
  useMutationWithRefresh(
    options,
    (body: UpdateTicketSettings) =>
      sdk.client.fetch<AdminTicketSettingsResponse>(SETTINGS_PATH, { method: "POST", body }),
    (queryClient, data) => {
      queryClient.setQueryData(ticketQueryKeys.settings(), data)
      // New targets move every running due time.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketQueryKeys.settings() }),
        queryClient.invalidateQueries({ queryKey: ticketQueryKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: ticketQueryKeys.details() }),
      ])
    }
  )

export type TicketStaffUser = {
  id: string
  email: string
  /** "Jane Doe", or "" without a name. */
  name: string
}

/** Enough for any store's staff in one request: the assignee choices. */
const STAFF_LIMIT = 200

const toStaffUser = (user: HttpTypes.AdminUser): TicketStaffUser => ({
  id: user.id,
  email: user.email,
  name: [user.first_name, user.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" "),
})

/**
 * The store's staff users (the assignee choices, and names for ids in the
 * inbox and the conversation), sorted by name, through the dashboard's own
 * users route.
 */
export const useTicketStaff = () =>
  useQuery<TicketStaffUser[]>({
    queryKey: ticketQueryKeys.staff(),
    queryFn: async () => {
      const { users } = await sdk.admin.user.list({
        limit: STAFF_LIMIT,
        fields: "id,email,first_name,last_name",
      })
      return users
        .map((user: HttpTypes.AdminUser) => toStaffUser(user))
        .sort((a: TicketStaffUser, b: TicketStaffUser) => (a.name || a.email).localeCompare(b.name || b.email))
    },
    staleTime: 5 * 60 * 1000,
  })

/** The signed-in user, for "assign to me". */
export const useCurrentStaffUser = () =>
  useQuery<TicketStaffUser>({
    queryKey: ticketQueryKeys.me(),
    queryFn: async () => toStaffUser((await sdk.admin.user.me()).user),
    staleTime: 5 * 60 * 1000,
  })
